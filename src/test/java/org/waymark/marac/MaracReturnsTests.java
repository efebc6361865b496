package org.waymark.marac;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The data return reconciles with the case list it comes from, on a generated year of MARAC cases. */
@WaymarkTest
class MaracReturnsTests {

    static final List<String> REFERRERS = List.of("demo.police", "demo.police", "demo.health", "demo.housing", "demo.school");
    static final Map<String, String> AGENCY = Map.of("demo.police", "Wrekin Vale Police", "demo.health", "Wrekin Vale Midwifery",
            "demo.housing", "Wrekin Vale Homes", "demo.school", "Millbrook Primary School");
    static final List<String> GIVEN = List.of("Amara", "Beth", "Cerys", "Dilys", "Eira", "Fatima", "Gwen");
    static final List<String> ETHNICITIES = List.of("White British", "Asian British", "Black British", "Mixed");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    MaracSupport marac;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        marac = new MaracSupport(mvc, jdbc);
    }

    /** What the test generated for one case, to check the return against. */
    record Generated(UUID referral, LocalDate heard, boolean repeat, String agency, int children, boolean aged16To17,
                     String ethnicity, String family) {
    }

    @Test
    void theReturnForEachQuarterOfAGeneratedYearMatchesItsCaseListAndTheCsv() throws Exception {
        String areaBody = marac.postJson("demo.marac", "/api/v1/marac/areas", """
                {"name":"%s MARAC","coordinationAgencyId":"%s","policeAgencyId":"%s","idvaAgencyId":"%s","caseLimit":200,
                 "adultFemalePopulation":100000,"memberAgencyIds":["%s","%s","%s","%s"]}""".formatted(MaracSupport.unique(),
                marac.agency("Wrekin Vale MARAC"), marac.agency("Wrekin Vale Police"), marac.agency("Haven IDVA Service"),
                marac.agency("Wrekin Vale Midwifery"), marac.agency("Wrekin Vale Homes"),
                marac.agency("Millbrook Primary School"), marac.agency("Wrekin Vale Probation")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID area = UUID.fromString(JsonPath.read(areaBody, "$.areaId"));
        marac.putJson("demo.marac", "/api/v1/marac/areas/" + area + "/expected-referrals",
                "{\"agencyId\":\"" + marac.agency("Wrekin Vale Homes") + "\",\"perYear\":400}").andExpect(status().isNoContent());
        marac.putJson("demo.marac", "/api/v1/marac/areas/" + area + "/expected-referrals",
                "{\"agencyId\":\"" + marac.agency("Wrekin Vale Police") + "\",\"perYear\":4}").andExpect(status().isNoContent());

        int year = LocalDate.now(WorkingCalendar.LONDON).getYear() - 1;
        List<Generated> generated = new ArrayList<>();
        UUID previousVictim = null;
        String previousUser = null;
        String previousFamily = null;
        int cases = 36;
        for (int i = 0; i < cases; i++) {
            boolean repeat = i % 6 == 5;
            String user = repeat ? previousUser : REFERRERS.get(i % REFERRERS.size());
            boolean young = i % 9 == 4;
            String family = repeat ? previousFamily : MaracSupport.unique();
            String ethnicity = ETHNICITIES.get(i % ETHNICITIES.size());
            // Distinct dates of birth: two young women with one birthday and similar names would rightly match.
            UUID victim = repeat ? previousVictim : marac.person(user, GIVEN.get(i % GIVEN.size()), family,
                    young ? LocalDate.now(WorkingCalendar.LONDON).minusYears(17).minusDays(20 + 9L * i)
                            : MaracSupport.randomAdultBirthday());
            if (!repeat) {
                mvc.perform(put("/api/v1/people/" + victim + "/details").contentType("application/json")
                                .with(httpBasic(user, "demo")).header("If-Match", "\"0\"")
                                .content("{\"ethnicity\":\"" + ethnicity + "\",\"disability\":\"" + (i % 4 == 0 ? "Yes" : "No")
                                        + "\",\"sexualOrientation\":\"" + (i % 5 == 0 ? "Bisexual" : "Heterosexual") + "\"}"))
                        .andExpect(status().is2xxSuccessful());
            } else {
                ethnicity = generated.get(i - 1).ethnicity();
                young = generated.get(i - 1).aged16To17();
            }
            int children = i % 3;
            StringBuilder household = new StringBuilder("\"household\":[");
            for (int c = 0; c < children; c++) {
                household.append(c == 0 ? "" : ",").append("{\"kind\":\"CHILD\",\"name\":\"Child ").append(c).append("\"}");
            }
            household.append("],\"safeContact\":\"Safe line 07700 9").append(String.format("%05d", i)).append("\"");
            UUID referral = marac.referred(user, MaracSupport.referral(area, victim, household.toString()));
            // What the system recorded: a deliberate repeat always, and any other record it rightly or wrongly
            // matched (another test's woman with the same birthday and a similar name).
            boolean recordedRepeat = jdbc.sql("select repeat_referral from marac_referral where id = ?").param(referral)
                    .query(Boolean.class).single();
            assertThat(recordedRepeat || !repeat).as("a second referral within 12 months is a repeat").isTrue();
            marac.review("demo.marac", referral, null);
            marac.putJson("demo.marac", "/api/v1/marac/referrals/" + referral + "/discussion",
                    "{\"notes\":\"Heard\",\"outcome\":\"CLOSED\"}").andExpect(status().isNoContent());
            // Spread the year's cases over weekly meetings of the previous year.
            LocalDate heard = LocalDate.of(year, 1, 6).plusWeeks(i * 51L / cases);
            generated.add(new Generated(referral, heard, recordedRepeat, AGENCY.get(user), children, young, ethnicity, family));
            previousVictim = victim;
            previousUser = user;
            previousFamily = family;
        }
        for (Generated g : generated) {
            jdbc.sql("""
                    insert into marac_meeting (id, area_id, meeting_date, starts_at, status)
                    values (?, ?, ?, ?, 'HELD') on conflict (area_id, meeting_date) do nothing""")
                    .params(UUID.randomUUID(), area, g.heard(), java.sql.Timestamp.from(g.heard().atTime(10, 0)
                            .atZone(WorkingCalendar.LONDON).toInstant())).update();
            UUID meeting = jdbc.sql("select id from marac_meeting where area_id = ? and meeting_date = ?")
                    .params(area, g.heard()).query(UUID.class).single();
            jdbc.sql("update marac_discussion set meeting_id = ? where referral_id = ?").params(meeting, g.referral()).update();
            jdbc.sql("update marac_referral set meeting_id = ?, received_at = ? where id = ?")
                    .params(meeting, java.sql.Timestamp.from(g.heard().minusDays(8).atStartOfDay(WorkingCalendar.LONDON)
                            .toInstant()), g.referral()).update();
        }

        long total = 0;
        for (int quarter = 1; quarter <= 4; quarter++) {
            LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
            List<Generated> expected = generated.stream().filter(g -> !g.heard().isBefore(from)
                    && g.heard().isBefore(from.plusMonths(3))).toList();
            String json = marac.getJson("demo.marac", "/api/v1/marac/areas/" + area + "/returns?year=" + year + "&quarter=" + quarter);
            List<String> references = JsonPath.read(json, "$.cases[*].caseReference");
            assertThat(((Number) JsonPath.read(json, "$.casesHeard")).longValue()).isEqualTo(expected.size())
                    .isEqualTo(references.size());
            assertThat(((Number) JsonPath.read(json, "$.repeatCases")).longValue())
                    .isEqualTo(expected.stream().filter(Generated::repeat).count())
                    .isEqualTo(((List<?>) JsonPath.read(json, "$.cases[?(@.repeat == true)]")).size());
            assertThat(((Number) JsonPath.read(json, "$.children")).longValue())
                    .isEqualTo(expected.stream().mapToLong(Generated::children).sum());
            assertThat(((Number) JsonPath.read(json, "$.aged16To17")).longValue())
                    .isEqualTo(expected.stream().filter(Generated::aged16To17).count());
            Map<String, Integer> byAgency = new TreeMap<>();
            expected.forEach(g -> byAgency.merge(g.agency(), 1, Integer::sum));
            assertThat((Map<String, Integer>) JsonPath.read(json, "$.referralsByAgency")).isEqualTo(byAgency);
            Map<String, Integer> byEthnicity = new TreeMap<>();
            expected.forEach(g -> byEthnicity.merge(g.ethnicity(), 1, Integer::sum));
            assertThat((Map<String, Integer>) JsonPath.read(json, "$.ethnicity")).isEqualTo(byEthnicity);
            long nonPolice = expected.stream().filter(g -> !g.agency().equals("Wrekin Vale Police")).count();
            assertThat(Double.parseDouble(JsonPath.read(json, "$.nonPoliceSharePercent").toString()))
                    .isCloseTo(expected.isEmpty() ? 0 : 100.0 * nonPolice / expected.size(), org.assertj.core.data.Offset.offset(0.05));
            assertThat((List<Boolean>) JsonPath.read(json, "$.referralMonitoring[?(@.agency == 'Wrekin Vale Homes')].fewerThanExpected"))
                    .containsExactly(true);

            String csv = mvc.perform(get("/api/v1/marac/areas/" + area + "/returns.csv?year=" + year + "&quarter=" + quarter)
                    .with(httpBasic("demo.marac", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
            assertThat(rows.stream().filter(r -> r.get(0).equals("cases heard")).map(r -> r.get(1)).toList())
                    .containsExactly(Integer.toString(expected.size()));
            int header = rows.stream().map(r -> r.get(0)).toList().indexOf("case");
            assertThat(rows.subList(header + 1, rows.size()).stream().map(r -> r.get(0)).toList()).isEqualTo(references);
            assertThat(csv).doesNotContain("07700");
            for (Generated g : expected) {
                assertThat(csv).doesNotContain(g.family());
            }
            total += expected.size();
        }
        assertThat(total).isEqualTo(cases);

        // Nobody but the area's coordinator gets the return: the perpetrator side least of all.
        mvc.perform(get("/api/v1/marac/areas/" + area + "/returns.csv?year=" + year + "&quarter=1")
                .with(httpBasic("demo.probation", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/marac/areas/" + area + "/returns?year=" + year + "&quarter=1")
                .with(httpBasic("demo.police", "demo"))).andExpect(status().isNotFound());
    }
}
