package org.waymark.marac;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/**
 * The MARAC data return for an area and period (a quarter by default), computed from its case list, so
 * every figure reconciles with the cases it counts; and referral monitoring by agency against what the
 * area expects. For the area's MARAC coordinator. No names, addresses or contact details: case references
 * and the monitoring fields only.
 */
@Service
public class MaracReturns {

    /** SafeLives' recommended MARAC volume: 40 cases a year per 10,000 adult women, used when none is configured. */
    static final int RECOMMENDED_PER_10K_A_YEAR = 40;

    /** One case heard in the period, as the return counts it. */
    public record CaseLine(String caseReference, LocalDate heardOn, boolean repeat, String referringAgency,
                           boolean police, int children, String sex, int age, String ethnicity,
                           String sexualOrientation, String disability) {
    }

    public record AgencyReferrals(String agency, long referrals, Double expected, boolean fewerThanExpected) {
    }

    public record DataReturn(UUID areaId, String areaName, LocalDate from, LocalDate to, long casesHeard,
                             long repeatCases, BigDecimal repeatRatePercent, Map<String, Long> referralsByAgency,
                             BigDecimal nonPoliceSharePercent, long children, Map<String, Long> gender, long aged16To17,
                             Map<String, Long> ethnicity, Map<String, Long> sexualOrientation,
                             Map<String, Long> disability, Integer adultFemalePopulation, BigDecimal casesPer10k,
                             BigDecimal expectedCases, List<AgencyReferrals> referralMonitoring, List<CaseLine> cases) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MaracAccess access;

    MaracReturns(JdbcClient jdbc, AuditTrail audit, MaracAccess access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    /** The quarter of a year (1 to 4) as dates, the end exclusive. */
    public static LocalDate[] quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2100) {
            throw new InvalidRequestException(List.of(new FieldError("quarter", "Enter a year and a quarter from 1 to 4")));
        }
        LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new LocalDate[] {from, from.plusMonths(3)};
    }

    /** Expected referrals a year from an agency. Only the area's coordinator sets them. */
    @Transactional
    public void expectReferrals(UUID areaId, UUID agencyId, int perYear) {
        Actor actor = access.practitioner("MARAC_EXPECTED_REFERRALS", "MARAC_AREA", areaId);
        requireCoordinator(actor, areaId, "MARAC_EXPECTED_REFERRALS");
        if (perYear < 1 || perYear > 100_000 || agencyId == null
                || !jdbc.sql("select count(*) > 0 from agency where id = ?").param(agencyId).query(Boolean.class).single()) {
            throw InvalidRequestException.of("perYear", "Select the agency and enter the referrals expected a year");
        }
        jdbc.sql("""
                insert into marac_expected_referrals (area_id, agency_id, per_year) values (?, ?, ?)
                on conflict (area_id, agency_id) do update set per_year = excluded.per_year""")
                .params(areaId, agencyId, perYear).update();
        audit.record(AuditEntry.allowed("MARAC_EXPECTED_REFERRALS", "MARAC_AREA", areaId).with("agency", agencyId.toString()));
    }

    /** The return for cases heard from {@code from} to {@code to} (exclusive). */
    @Transactional
    public DataReturn dataReturn(UUID areaId, LocalDate from, LocalDate to) {
        Actor actor = access.practitioner("MARAC_DATA_RETURN", "MARAC_AREA", areaId);
        Map<String, Object> area = requireCoordinator(actor, areaId, "MARAC_DATA_RETURN");
        if (from == null || to == null || !to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw InvalidRequestException.of("to", "Enter a period of up to a year, the end after the start");
        }
        List<CaseLine> cases = jdbc.sql("""
                        select c.reference, m.meeting_date, r.repeat_referral, g.name as agency, g.type = 'POLICE' as police,
                               (select count(*) from marac_referral_party x where x.referral_id = r.id and x.kind = 'CHILD') as children,
                               p.sex, r.victim_age, p.ethnicity, p.sexual_orientation, p.disability
                          from marac_referral r
                          join marac_discussion d on d.referral_id = r.id and d.meeting_id = r.meeting_id
                          join marac_meeting m on m.id = r.meeting_id
                          join dva_case c on c.id = r.case_id join agency g on g.id = r.referring_agency_id
                          join person p on p.id = r.victim_person_id
                         where r.area_id = ? and m.meeting_date >= ? and m.meeting_date < ?
                         order by m.meeting_date, c.reference""")
                .params(areaId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query((rs, n) -> new CaseLine(rs.getString("reference"), rs.getDate("meeting_date").toLocalDate(),
                        rs.getBoolean("repeat_referral"), rs.getString("agency"), rs.getBoolean("police"),
                        rs.getInt("children"), rs.getString("sex") == null ? "NOT_KNOWN" : rs.getString("sex"),
                        rs.getInt("victim_age"), orNotRecorded(rs.getString("ethnicity")),
                        orNotRecorded(rs.getString("sexual_orientation")), orNotRecorded(rs.getString("disability"))))
                .list();
        long heard = cases.size();
        long repeats = cases.stream().filter(CaseLine::repeat).count();
        long nonPolice = cases.stream().filter(c -> !c.police()).count();
        Integer population = (Integer) area.get("adult_female_population");
        Integer expectedPerYear = (Integer) area.get("expected_cases_per_year");
        BigDecimal yearFraction = BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to))
                .divide(BigDecimal.valueOf(365), 6, RoundingMode.HALF_UP);
        BigDecimal expected = expectedPerYear != null ? yearFraction.multiply(BigDecimal.valueOf(expectedPerYear))
                : population != null ? yearFraction.multiply(BigDecimal.valueOf((long) RECOMMENDED_PER_10K_A_YEAR * population))
                        .divide(BigDecimal.valueOf(10_000), 6, RoundingMode.HALF_UP) : null;
        Map<String, Long> byAgency = count(cases, CaseLine::referringAgency);
        DataReturn result = new DataReturn(areaId, (String) area.get("name"), from, to, heard, repeats, percent(repeats, heard),
                byAgency, percent(nonPolice, heard), cases.stream().mapToLong(CaseLine::children).sum(),
                count(cases, CaseLine::sex), cases.stream().filter(c -> c.age() == 16 || c.age() == 17).count(),
                count(cases, CaseLine::ethnicity), count(cases, CaseLine::sexualOrientation), count(cases, CaseLine::disability),
                population, population == null ? null : BigDecimal.valueOf(heard * 10_000L)
                        .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP),
                expected == null ? null : expected.setScale(1, RoundingMode.HALF_UP),
                monitoring(areaId, byAgency, yearFraction), cases);
        audit.record(AuditEntry.allowed("MARAC_DATA_RETURN", "MARAC_AREA", areaId).with("from", from.toString())
                .with("to", to.toString()).with("cases", Long.toString(heard)));
        return result;
    }

    /** Agencies with an expectation, and how many cases they referred that were heard, fewest against expected first. */
    private List<AgencyReferrals> monitoring(UUID areaId, Map<String, Long> byAgency, BigDecimal yearFraction) {
        Map<String, Integer> expected = new TreeMap<>();
        jdbc.sql("""
                select g.name, e.per_year from marac_expected_referrals e join agency g on g.id = e.agency_id
                 where e.area_id = ?""").param(areaId)
                .query((rs, n) -> expected.put(rs.getString(1), rs.getInt(2))).list();
        return expected.entrySet().stream().map(e -> {
            double due = yearFraction.multiply(BigDecimal.valueOf(e.getValue())).setScale(1, RoundingMode.HALF_UP).doubleValue();
            long actual = byAgency.getOrDefault(e.getKey(), 0L);
            return new AgencyReferrals(e.getKey(), actual, due, actual < due);
        }).sorted((a, b) -> Boolean.compare(b.fewerThanExpected(), a.fewerThanExpected())).toList();
    }

    /** The return as CSV: the figures, then the case list they come from. */
    public String csv(DataReturn r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("measure", "value");
            csv.printRecord("area", safe(r.areaName()));
            csv.printRecord("from", r.from());
            csv.printRecord("to (exclusive)", r.to());
            csv.printRecord("cases heard", r.casesHeard());
            csv.printRecord("repeat cases", r.repeatCases());
            csv.printRecord("repeat rate %", r.repeatRatePercent());
            csv.printRecord("referrals from agencies other than the police %", r.nonPoliceSharePercent());
            csv.printRecord("children in the households", r.children());
            csv.printRecord("victims aged 16 to 17", r.aged16To17());
            csv.printRecord("cases per 10,000 adult women", r.casesPer10k() == null ? "" : r.casesPer10k());
            csv.printRecord("expected cases", r.expectedCases() == null ? "" : r.expectedCases());
            for (var e : r.referralsByAgency().entrySet()) {
                csv.printRecord("referrals from " + safe(e.getKey()), e.getValue());
            }
            for (var e : r.gender().entrySet()) {
                csv.printRecord("sex: " + safe(e.getKey()), e.getValue());
            }
            for (var e : r.ethnicity().entrySet()) {
                csv.printRecord("ethnicity: " + safe(e.getKey()), e.getValue());
            }
            for (var e : r.sexualOrientation().entrySet()) {
                csv.printRecord("sexual orientation: " + safe(e.getKey()), e.getValue());
            }
            for (var e : r.disability().entrySet()) {
                csv.printRecord("disability: " + safe(e.getKey()), e.getValue());
            }
            csv.println();
            csv.printRecord("case", "heard on", "repeat", "referring agency", "children", "sex", "age", "ethnicity",
                    "sexual orientation", "disability");
            for (CaseLine c : r.cases()) {
                csv.printRecord(c.caseReference(), c.heardOn(), c.repeat() ? "yes" : "no", safe(c.referringAgency()),
                        c.children(), c.sex(), c.age(), safe(c.ethnicity()), safe(c.sexualOrientation()), safe(c.disability()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would read as a formula is written as text. */
    static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private Map<String, Object> requireCoordinator(Actor actor, UUID areaId, String action) {
        Map<String, Object> area = areaId == null ? null : jdbc.sql("select * from marac_area where id = ?").param(areaId)
                .query().listOfRows().stream().findFirst().orElse(null);
        if (area == null) {
            throw new NotFoundException("Area");
        }
        if (!actor.hasRole("MARAC_COORDINATOR") || !actor.agencyId().equals(area.get("coordination_agency_id"))) {
            audit.recordIndependently(AuditEntry.refused(action, "MARAC_AREA", areaId, "not the area's coordinator"));
            throw new NotFoundException("Area");
        }
        return area;
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String orNotRecorded(String value) {
        return value == null || value.isBlank() ? "Not recorded" : value;
    }
}
