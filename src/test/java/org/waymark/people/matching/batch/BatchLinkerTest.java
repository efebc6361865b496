package org.waymark.people.matching.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waymark.people.matching.synthetic.SyntheticPeople;

class BatchLinkerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8);

    private static List<String[]> readPairs(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new String[] {c.get("id_1"), c.get("id_2"), c.get("score")});
            }
        }
        return out;
    }

    private static Set<String> keys(List<String[]> pairs) {
        Set<String> s = new HashSet<>();
        for (String[] p : pairs) {
            s.add(p[0].compareTo(p[1]) < 0 ? p[0] + "," + p[1] : p[1] + "," + p[0]);
        }
        return s;
    }

    private static double f1(Set<String> predicted, Set<String> truth) {
        long tp = predicted.stream().filter(truth::contains).count();
        double p = predicted.isEmpty() ? 0 : (double) tp / predicted.size();
        double r = truth.isEmpty() ? 0 : (double) tp / truth.size();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private Set<String> truth(Path truthFile) throws IOException {
        Set<String> s = new HashSet<>();
        List<String> lines = Files.readAllLines(truthFile);
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            s.add(p[0].compareTo(p[1]) < 0 ? p[0] + "," + p[1] : p[1] + "," + p[0]);
        }
        return s;
    }

    @Test
    void findsTheDuplicatesInOneGeneratedFile() throws IOException {
        Path csv = dir.resolve("people.csv");
        Path truthFile = dir.resolve("truth.csv");
        new SyntheticPeople(SyntheticPeople.Config.of(7, 3000)).generate(csv, truthFile, progress);
        Path out = dir.resolve("pairs.csv");

        BatchLinker.Summary s = new BatchLinker().run(List.of(csv), out, progress);

        assertThat(s.records()).isEqualTo(3000);
        assertThat(s.candidatePairs()).isPositive();
        List<String[]> pairs = readPairs(out);
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("id_1,id_2,score");
        assertThat(pairs).allSatisfy(p -> assertThat(Double.parseDouble(p[2])).isBetween(0.0, 1.0));
        assertThat(f1(keys(pairs), truth(truthFile))).isGreaterThan(0.95);
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("summary: 3,000 records").contains("candidate pairs compared").contains("time");
    }

    @Test
    void linksAcrossTwoFilesWithOneIdFromEach() throws IOException {
        Path csv = dir.resolve("people.csv");
        Path truthFile = dir.resolve("truth.csv");
        new SyntheticPeople(SyntheticPeople.Config.of(8, 3000)).generate(csv, truthFile, progress);
        // split: even rows to A, odd rows to B
        List<String> lines = Files.readAllLines(csv);
        List<String> a = new ArrayList<>(List.of(lines.get(0)));
        List<String> b = new ArrayList<>(List.of(lines.get(0)));
        Set<String> idsA = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            (i % 2 == 0 ? a : b).add(lines.get(i));
            if (i % 2 == 0) {
                idsA.add(lines.get(i).substring(0, lines.get(i).indexOf(',')));
            }
        }
        Path fa = dir.resolve("a.csv");
        Path fb = dir.resolve("b.csv");
        Files.write(fa, a);
        Files.write(fb, b);
        Path out = dir.resolve("pairs.csv");

        new BatchLinker().run(List.of(fa, fb), out, progress);

        List<String[]> pairs = readPairs(out);
        assertThat(pairs).isNotEmpty();
        assertThat(pairs).allSatisfy(p -> {
            assertThat(idsA).contains(p[0]);
            assertThat(idsA).doesNotContain(p[1]);
        });
        Set<String> crossTruth = new HashSet<>();
        for (String t : truth(truthFile)) {
            String[] p = t.split(",");
            if (idsA.contains(p[0]) != idsA.contains(p[1])) {
                crossTruth.add(t);
            }
        }
        assertThat(f1(keys(pairs), crossTruth)).isGreaterThan(0.95);
    }

    @Test
    void countsMalformedDatesAndToleratesQuotingMissingAndExtraColumns() throws IOException {
        Path csv = dir.resolve("messy.csv");
        Files.writeString(csv, String.join("\n",
                "reference,id,surname,given_name,date_of_birth,address,postcode,note",
                "R1,a1,Jones,Catherine,1985-03-07,\"12 High Street, Leeds\",LS6 2AB,\"said \"\"hello\"\", left\"",
                "R2,a2,Jones,Katie,07/03/1985,\"12 high st, leeds\",ls62ab,",
                "R3,a3,\"O'Brien, Jnr\",Patrick,not known,\"Flat 1,\n 4 Mill Lane\",BD1 1AA,x",
                "R4,a4,Smith,Emma,1985-02-30,,,",
                "R5,a5,Ahmed,Ali,,,,",
                ""));
        Path out = dir.resolve("pairs.csv");

        BatchLinker.Summary s = new BatchLinker().run(List.of(csv), out, progress);

        assertThat(s.records()).isEqualTo(5);
        assertThat(s.malformedDates()).isEqualTo(2); // "not known" and the impossible 1985-02-30
        assertThat(s.recoveredDates()).isEqualTo(1); // 07/03/1985
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("3 dates of birth were not YYYY-MM-DD");
        assertThat(keys(readPairs(out))).containsExactly("a1,a2");
    }

    @Test
    void keepsApartTwoNamesakesWhoseGroupsEachConfirmAnotherDateOfBirth() throws IOException {
        // William Williams born 18 December 1991 and Liam Williams born 14 December 1991: each date is
        // given by more than one record of its group, so the one-digit difference is not a mistyping,
        // and the sparse c1 (no date of birth) must not chain the two groups together
        Path csv = dir.resolve("namesakes.csv");
        Files.writeString(csv, String.join("\n",
                "id,given_name,middle_names,surname,other_names,date_of_birth,sex,address,postcode,phone,nhs_number,reference",
                "a1,william,,williams,,1991-12-18,M,\"43 high way, london\",SE9 0ES,07139172375,,",
                "a2,william,,williams,,1991-12-18,M,\"43 high way, london\",SE9 0ES,,,",
                "a3,william,,williams,,1991-12-18,M,\"140 orchard close, london\",E18 8PU,07139172375,,",
                "b1,liam,,williams,,1991-12-14,M,\"37 albert way, london\",N28 8JH,07980131312,,",
                "b2,liam,,williams,,1991-12-14,M,\"37 albert way, london\",N28 8JH,,,",
                "b3,william,,williams,,1991-12-14,M,\"37 albert way, london\",,07980131312,,",
                "c1,william,,williams,,,M,\"43 high way, london\",SE9 0ES,07980131312,,",
                ""));
        Path out = dir.resolve("pairs.csv");
        new BatchLinker().run(List.of(csv), out, progress);
        Set<String> pairs = keys(readPairs(out));
        assertThat(pairs).contains("a1,a2", "a1,a3", "b1,b2", "b1,b3");
        assertThat(pairs).noneMatch(p -> p.contains("a") && p.contains("b"));
    }

    @Test
    void aRecordWithoutDateOfBirthJoinsANamesakeOnlyWhenItIsClearlyThatOne() throws IOException {
        // two Rhys Davies (born 2009 in London, born 1987 in Bristol); d1 has no date of birth but the
        // London one's address, c1 has neither: c1 is as much one's as the other's, so it joins neither
        Path csv = dir.resolve("ambiguous.csv");
        Files.writeString(csv, String.join("\n",
                "id,given_name,middle_names,surname,other_names,date_of_birth,sex,address,postcode,phone,nhs_number,reference",
                "a1,rhys,,davies,,2009-07-14,M,\"80 wellford place, london\",SE21 0BZ,07576493097,,",
                "a2,rhys,,davies,,2009-07-14,M,\"80 wellford place, london\",SE21 0BZ,,,",
                "a3,rhys,gareth,davies,,2009-07-14,M,\"80 wellford place, london\",SE21 0BZ,07576493097,,",
                "b1,rhys,,davies,,1987-02-25,M,\"130 larkside grove, bristol\",BS19 0PH,07243077151,,",
                "b2,rhys,,davies,,1987-02-25,M,\"130 larkside grove, bristol\",BS19 0PH,,,",
                "b3,rhys,dafydd,davies,,1987-02-25,M,\"130 larkside grove, bristol\",BS19 0PH,07243077151,,",
                "c1,rhys,,davies,,,M,\"170 high lane, london\",E10 8BA,,,",
                "d1,rhys,,davies,,,M,\"80 wellford place, london\",SE21 0BZ,,,",
                ""));
        Path out = dir.resolve("pairs.csv");
        new BatchLinker().run(List.of(csv), out, progress);
        Set<String> pairs = keys(readPairs(out));
        assertThat(pairs).contains("a1,a2", "a1,d1", "b1,b2");
        assertThat(pairs).noneMatch(p -> p.contains("c1"));
        assertThat(pairs).noneMatch(p -> p.contains("a") && p.contains("b"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("left ambiguous");
    }

    @Test
    void writesIdsThatNeedQuotingAsValidCsv() throws IOException {
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, String.join("\n",
                "id,given_name,surname,date_of_birth,postcode",
                "\"x,1\",Catherine,Jones,1985-03-07,LS6 2AB",
                "\"x\"\"2\",Catherine,Jones,1985-03-07,LS6 2AB",
                ""));
        Path out = dir.resolve("pairs.csv");
        new BatchLinker().run(List.of(csv), out, progress);
        List<String[]> pairs = readPairs(out);
        assertThat(pairs).hasSize(1);
        assertThat(Set.of(pairs.get(0)[0], pairs.get(0)[1])).containsExactlyInAnyOrder("x,1", "x\"2");
    }

    @Test
    void anEmptyInputWritesOnlyTheHeader() throws IOException {
        Path csv = dir.resolve("empty.csv");
        Files.writeString(csv, "id,given_name,surname\n");
        Path out = dir.resolve("pairs.csv");
        BatchLinker.Summary s = new BatchLinker().run(List.of(csv), out, progress);
        assertThat(s.records()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("id_1,id_2,score");
    }
}
