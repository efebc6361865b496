package org.waymark.bench;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.waymark.WaymarkApplication;
import org.waymark.people.MatchCandidate;
import org.waymark.people.NewPerson;
import org.waymark.people.People;
import org.waymark.people.matching.BlockingKeys;
import org.waymark.people.matching.PersonRecord;
import org.waymark.people.matching.synthetic.SyntheticPeople;
import org.waymark.platform.Actor;
import org.waymark.platform.ActorPrincipal;

/**
 * Online matching through the service against PostgreSQL: loads N generated people (default
 * 1,000,000) into the embedded database with their blocking keys, then times People.matches for
 * probes drawn from the same population (the real intake path: key lookup, candidate load, scoring,
 * audit row) and prints p50, p95, p99 and max.
 *
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=org.waymark.bench.OnlineMatchingBenchmark -Dbench.args="--people 1000000"
 */
public final class OnlineMatchingBenchmark {

    public static void main(String[] args) throws Exception {
        int people = 1_000_000;
        int probes = 1000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--probes" -> probes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Path.of("target", "bench-online");
        Files.createDirectories(work);
        Path csv = work.resolve("people-" + people + ".csv");
        if (!Files.exists(csv)) {
            // Written aside and renamed, so an interrupted run never leaves half a file to be reused.
            Path partial = work.resolve("people-" + people + ".csv.partial");
            new SyntheticPeople(SyntheticPeople.Config.of(7, people)).generate(partial, work.resolve("truth-" + people + ".csv"), System.err);
            Files.move(partial, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WaymarkApplication.class)
                .web(WebApplicationType.SERVLET)
                // Command-line arguments, so they win over the test configuration on this classpath.
                .run("--spring.datasource.url=", "--waymark.demo-data.enabled=true",
                        "--waymark.embedded-database.data-directory=target/bench-online/pg",
                        "--waymark.embedded-database.working-directory=target/bench-online/pg-binaries",
                        "--waymark.embedded-database.clean-data-directory=true",
                        "--server.port=0", "--logging.level.root=warn")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Actor actor = jdbc.sql("""
                    select u.id, u.username, u.display_name, u.agency_id, a.name from app_user u
                      join agency a on a.id = u.agency_id where u.username = 'demo.police'""")
                    .query((rs, n) -> new Actor(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), Set.of("POLICE_OFFICER"))).single();
            UUID agency = jdbc.sql("select id from agency where name = 'Wrekin Vale Midwifery'").query(UUID.class).single();
            UUID recorder = jdbc.sql("select id from app_user where username = 'demo.health'").query(UUID.class).single();

            long t0 = System.nanoTime();
            List<NewPerson> sample = load(csv, dataSource, agency, recorder, probes, people);
            System.err.printf(Locale.ROOT, "loaded %,d people and their keys in %.1f s%n", people,
                    (System.nanoTime() - t0) / 1e9);
            jdbc.sql("analyze").update();

            ActorPrincipal principal = () -> actor;
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
            People service = context.getBean(People.class);
            for (int i = 0; i < Math.min(200, sample.size()); i++) {
                service.matches(sample.get(i), 10);
            }
            long[] nanos = new long[sample.size()];
            int found = 0;
            for (int i = 0; i < sample.size(); i++) {
                long start = System.nanoTime();
                List<MatchCandidate> candidates = service.matches(sample.get(i), 10);
                nanos[i] = System.nanoTime() - start;
                found += candidates.isEmpty() ? 0 : 1;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "online matching against %,d stored people, %,d probes (%,d with a candidate)%n",
                    people, nanos.length, found);
            System.out.printf(Locale.ROOT, "p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Loads every record with COPY and returns a random sample of them as intake probes. */
    private static List<NewPerson> load(Path csv, DataSource dataSource, UUID agency, UUID recorder, int probes,
                                        int expected)
            throws Exception {
        BlockingKeys keys = BlockingKeys.defaults();
        Random random = new Random(11);
        List<NewPerson> sample = new ArrayList<>();
        StringBuilder persons = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder addresses = new StringBuilder();
        StringBuilder phones = new StringBuilder();
        StringBuilder keyRows = new StringBuilder();
        int seen = 0;
        try (Connection connection = dataSource.getConnection();
             Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (CSVRecord row : parser) {
                UUID id = UUID.randomUUID();
                PersonRecord record = PersonRecord.of(id.toString(), row.get("given_name"), row.get("middle_names"),
                        row.get("surname"), row.get("other_names"), row.get("date_of_birth"), row.get("sex"),
                        row.get("address"), row.get("postcode"), row.get("phone"), row.get("nhs_number"), null);
                String given = record.givenName();
                String family = record.surname();
                if (given == null && family == null) {
                    continue;
                }
                String sex = record.sex() == null ? null : record.sex().startsWith("F") ? "FEMALE"
                        : record.sex().startsWith("M") ? "MALE" : null;
                String nhs = record.nhsNumber() != null && record.nhsNumber().replaceAll("\\D", "").length() == 10
                        ? record.nhsNumber().replaceAll("\\D", "") : null;
                persons.append(id).append('\t').append(text(given)).append('\t').append(text(record.middleNames()))
                        .append('\t').append(text(family)).append('\t')
                        .append(record.dateOfBirth() == null ? "\\N" : record.dateOfBirth().toString()).append('\t')
                        .append(text(sex)).append('\t').append(text(nhs)).append('\t').append(agency).append('\t')
                        .append(recorder).append('\n');
                for (String other : record.otherNames()) {
                    names.append(UUID.randomUUID()).append('\t').append(id).append("\tPREVIOUS\t").append(text(other)).append('\n');
                }
                if (record.address() != null) {
                    addresses.append(UUID.randomUUID()).append('\t').append(id).append('\t').append(text(record.address()))
                            .append('\t').append(text(record.postcode())).append('\n');
                }
                if (record.phone() != null) {
                    phones.append(UUID.randomUUID()).append('\t').append(id).append("\tPHONE\t").append(text(record.phone())).append('\n');
                }
                for (String key : new LinkedHashSet<>(keys.keys(record))) {
                    keyRows.append(text(key)).append('\t').append(id).append('\n');
                }
                seen++;
                boolean typeable = record.dateOfBirth() == null || record.dateOfBirth().getYear() >= 1900
                        && record.dateOfBirth().isBefore(java.time.LocalDate.now());
                if (typeable && sample.size() < probes && random.nextDouble() < 1.5 * probes / expected) {
                    sample.add(new NewPerson(given, record.middleNames(), family, record.otherNames(),
                            record.dateOfBirth(), sex, record.address(), record.postcode(), false, record.phone(),
                            false, nhs));
                }
                if (seen % 50_000 == 0) {
                    flush(copy, persons, names, addresses, phones, keyRows);
                    System.err.printf(Locale.ROOT, "  %,d loaded%n", seen);
                }
            }
            flush(copy, persons, names, addresses, phones, keyRows);
        }
        return sample;
    }

    private static void flush(CopyManager copy, StringBuilder persons, StringBuilder names, StringBuilder addresses,
                              StringBuilder phones, StringBuilder keyRows) throws Exception {
        copy.copyIn("copy person (id, given_name, middle_names, family_name, date_of_birth, sex, nhs_number,"
                + " recorded_by_agency_id, recorded_by) from stdin", new StringReader(persons.toString()));
        copy.copyIn("copy person_other_name (id, person_id, kind, family_name) from stdin", new StringReader(names.toString()));
        copy.copyIn("copy person_address (id, person_id, address, postcode) from stdin", new StringReader(addresses.toString()));
        copy.copyIn("copy person_contact (id, person_id, kind, value) from stdin", new StringReader(phones.toString()));
        copy.copyIn("copy person_match_key (match_key, person_id) from stdin", new StringReader(keyRows.toString()));
        persons.setLength(0);
        names.setLength(0);
        addresses.setLength(0);
        phones.setLength(0);
        keyRows.setLength(0);
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
