package org.waymark.marac;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.marac.internal.MaracRules;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** MARAC referral: receipt, refusal under 16, repeats across agencies, reviews, IDVA, MASH copy, MAPPA. */
@WaymarkTest
class MaracReferralTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    MaracSupport marac;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        marac = new MaracSupport(mvc, jdbc);
    }

    @Test
    void aReferralReceivedOnChristmasEveAfternoonIsDueForReviewOnTuesdayTheTwentyNinth() {
        var received = LocalDate.of(2026, 12, 24).atTime(15, 0).atZone(ZoneId.of("Europe/London")).toInstant();
        var due = MaracRules.reviewDue(calendar, received);
        // Christmas Day, the weekend and the Boxing Day substitute holiday (Monday 28) are not working days.
        assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(due.toLocalTime()).isEqualTo(calendar.endOfWorkingDay());
    }

    @Test
    void onReceiptTheCoordinatorPoliceAndIdvaServiceGetReviewTasksDueByTheEndOfTheNextWorkingDay() throws Exception {
        UUID victim = marac.person("demo.police", "Nia", MaracSupport.unique(), MaracSupport.randomAdultBirthday());
        UUID referral = marac.referred("demo.police", MaracSupport.referral(marac.demoArea(), victim, null));

        Timestamp received = jdbc.sql("select received_at from marac_referral where id = ?").param(referral)
                .query(Timestamp.class).single();
        var expectedDue = MaracRules.reviewDue(calendar, received.toInstant()).toInstant();
        List<Map<String, Object>> tasks = jdbc.sql("""
                select t.kind, a.name as agency, t.due_at from task t join agency a on a.id = t.owner_agency_id
                 where t.subject_id = ? order by t.kind""").param(referral).query().listOfRows();
        assertThat(tasks).extracting(t -> t.get("kind") + "@" + t.get("agency")).containsExactly(
                "MARAC_REVIEW_COORDINATION@Wrekin Vale MARAC", "MARAC_REVIEW_IDVA@Haven IDVA Service",
                "MARAC_REVIEW_POLICE@Wrekin Vale Police");
        assertThat(tasks).allSatisfy(t -> assertThat(((Timestamp) t.get("due_at")).toInstant()).isEqualTo(expectedDue));

        // The coordination, police and IDVA service are involved in her case; the referring police already were.
        UUID caseId = jdbc.sql("select case_id from marac_referral where id = ?").param(referral).query(UUID.class).single();
        assertThat(jdbc.sql("""
                select a.name || ':' || ca.basis from case_agency ca join agency a on a.id = ca.agency_id
                 where ca.case_id = ? and ca.ended_at is null order by a.name""").param(caseId).query(String.class).list())
                .containsExactly("Haven IDVA Service:REFERRED", "Wrekin Vale MARAC:MARAC_REFERRAL", "Wrekin Vale Police:RECORDED");

        // The police public protection review records an immediate safety action and completes its task.
        String reviewed = marac.review("demo.policelead", referral, "Marker placed on her address for urgent response");
        assertThat((List<String>) JsonPath.read(reviewed, "$.reviews[*].immediateAction"))
                .containsExactly("Marker placed on her address for urgent response");
        assertThat(jdbc.sql("select status from task where subject_id = ? and kind = 'MARAC_REVIEW_POLICE'").param(referral)
                .query(String.class).single()).isEqualTo("DONE");
        marac.postJson("demo.policelead", "/api/v1/marac/referrals/" + referral + "/reviews", "{}")
                .andExpect(status().isConflict());
    }

    @Test
    void aReferralForAVictimUnder16IsRefusedWithAPointerToTheChildrensPathwayAndChangesNothing() throws Exception {
        UUID victim = marac.person("demo.police", "Tia", MaracSupport.unique(), LocalDate.now().minusYears(15).minusDays(3));
        long referrals = data.count("marac_referral");
        long shares = data.count("share_decision");

        marac.refer("demo.police", MaracSupport.referral(marac.demoArea(), victim, null))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("victimPersonId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("16 or over")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("children's pathway")));

        assertThat(data.count("marac_referral")).isEqualTo(referrals);
        assertThat(data.count("share_decision")).isEqualTo(shares);
        assertThat(jdbc.sql("select count(*) from dva_case where victim_person_id = ?").param(victim).query(Long.class).single())
                .isZero();
    }

    @Test
    void theSameVictimEnteredByAnotherAgencyWithAMisspeltNameIsARepeatWithin12MonthsAndNotAfter() throws Exception {
        String family = MaracSupport.unique();
        LocalDate born = MaracSupport.randomAdultBirthday();
        UUID policeRecord = marac.person("demo.police", "Catherine", family + "son", born);
        UUID first = marac.referred("demo.police", MaracSupport.referral(marac.demoArea(), policeRecord, null));
        assertThat(jdbc.sql("select repeat_referral from marac_referral where id = ?").param(first)
                .query(Boolean.class).single()).isFalse();

        // Midwifery records her as Katherine ...sen, never linked to the police record.
        UUID healthRecord = marac.person("demo.health", "Katherine", family + "sen", born);
        assertThat(jdbc.sql("select count(*) from person_link where person_a in (?, ?) or person_b in (?, ?)")
                .params(policeRecord, healthRecord, policeRecord, healthRecord).query(Long.class).single()).isZero();
        UUID second = marac.referred("demo.health", MaracSupport.referral(marac.demoArea(), healthRecord, null));

        String forHealth = marac.getJson("demo.health", "/api/v1/marac/referrals/" + second);
        assertThat((Boolean) JsonPath.read(forHealth, "$.repeat")).isTrue();
        // The referrer learns it is a repeat, never the other agency's record or its earlier case.
        assertThat((List<?>) JsonPath.read(forHealth, "$.earlierReferrals")).isEmpty();
        assertThat(forHealth).doesNotContain("Catherine").doesNotContain(policeRecord.toString());

        String forCoordinator = marac.getJson("demo.marac", "/api/v1/marac/referrals/" + second);
        assertThat((List<String>) JsonPath.read(forCoordinator, "$.earlierReferrals[*].referralId"))
                .containsExactly(first.toString());

        // Twelve months and more after the last referral, a new one is not a repeat (D6).
        jdbc.sql("update marac_referral set received_at = received_at - interval '12 months 2 days' where id in (?, ?)")
                .params(first, second).update();
        UUID third = marac.referred("demo.health", MaracSupport.referral(marac.demoArea(), healthRecord, null));
        assertThat((Boolean) JsonPath.read(marac.getJson("demo.marac", "/api/v1/marac/referrals/" + third), "$.repeat"))
                .isFalse();
        assertThat(marac.getJson("demo.health", "/api/v1/marac/people/" + healthRecord + "/months-since-referral"))
                .isEqualTo("{\"months\":0}");
    }

    @Test
    void aRecordThePractitionerConfirmedIsSomeoneElseIsNotCountedAsARepeat() throws Exception {
        String family = MaracSupport.unique();
        LocalDate born = MaracSupport.randomAdultBirthday();
        UUID policeRecord = marac.person("demo.police", "Catherine", family + "son", born);
        marac.referred("demo.police", MaracSupport.referral(marac.demoArea(), policeRecord, null));

        // Midwifery is shown the police record at intake and confirms she is someone else.
        var health = org.waymark.SignedIn.as(mvc, "demo.health");
        String saved = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/people/new")
                        .session(health).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("action", "new").param("givenName", "Katherine").param("familyName", family + "sen")
                        .param("dateOfBirth-day", Integer.toString(born.getDayOfMonth()))
                        .param("dateOfBirth-month", Integer.toString(born.getMonthValue()))
                        .param("dateOfBirth-year", Integer.toString(born.getYear())).param("sex", "FEMALE"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID healthRecord = UUID.fromString(saved.substring(saved.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("""
                select count(*) from person_link where decision = 'NOT_SAME_PERSON' and undone_at is null
                   and ((person_a = ? and person_b = ?) or (person_a = ? and person_b = ?))""")
                .params(policeRecord, healthRecord, healthRecord, policeRecord).query(Long.class).single()).isOne();

        UUID second = marac.referred("demo.health", MaracSupport.referral(marac.demoArea(), healthRecord, null));
        assertThat((Boolean) JsonPath.read(marac.getJson("demo.marac", "/api/v1/marac/referrals/" + second), "$.repeat"))
                .isFalse();
    }

    @Test
    void everyCaseGetsTheIdvaWithTheFewestOpenMaracCases() throws Exception {
        UUID idvaService = marac.agency("Haven IDVA Service");
        for (int i = 0; i < 3; i++) {
            Map<UUID, Long> before = openCasesPerIdva(idvaService);
            UUID victim = marac.person("demo.police", "Ola", MaracSupport.unique(), MaracSupport.randomAdultBirthday());
            UUID referral = marac.referred("demo.police", MaracSupport.referral(marac.demoArea(), victim, null));
            UUID allocated = jdbc.sql("select idva_user_id from marac_referral where id = ?").param(referral)
                    .query(UUID.class).single();
            long fewest = before.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(before.get(allocated)).isEqualTo(fewest);
            // The allocated IDVA is her worker on the case, working with her.
            assertThat(jdbc.sql("""
                    select works_with from case_worker w join marac_referral r on r.case_id = w.case_id
                     where r.id = ? and w.user_id = ? and w.ended_at is null""").params(referral, allocated)
                    .query(String.class).single()).isEqualTo("VICTIM");
        }
    }

    private Map<UUID, Long> openCasesPerIdva(UUID idvaService) {
        return jdbc.sql("""
                select u.id, (select count(*) from marac_referral r where r.idva_user_id = u.id and r.status <> 'CLOSED')
                  from app_user u where u.agency_id = ? and u.enabled
                   and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = 'IDVA')""")
                .param(idvaService).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void anUnbornChildSendsACopyToTheMashAndMappaLevelTwoShowsThatMappaLeads() throws Exception {
        UUID victim = marac.person("demo.police", "Pia", MaracSupport.unique(), MaracSupport.randomAdultBirthday());
        String json = MaracSupport.referral(marac.demoArea(), victim, "\"household\":[{\"kind\":\"CHILD\",\"unborn\":true}]")
                .replace("[{\"name\":\"Ian Harmer\"}]", "[{\"name\":\"Ian Harmer\",\"mappaLevel\":2}]");
        UUID referral = marac.referred("demo.police", json);
        UUID mash = marac.agency("Wrekin Vale MASH");

        assertThat(jdbc.sql("select count(*) from marac_referral_copy where referral_id = ? and agency_id = ?")
                .params(referral, mash).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from task where subject_id = ? and kind = 'MARAC_COPY_MASH' and owner_agency_id = ?")
                .params(referral, mash).query(Long.class).single()).isOne();
        UUID caseId = jdbc.sql("select case_id from marac_referral where id = ?").param(referral).query(UUID.class).single();
        assertThat(jdbc.sql("select lawful_basis from share_decision where case_id = ? and with_agency_id = ?")
                .params(caseId, mash).query(String.class).list()).containsExactly("CONSENT");
        // The MASH sees the copy without the referral's narrative.
        String forMash = marac.getJson("demo.mash", "/api/v1/marac/referrals/" + referral);
        assertThat((String) JsonPath.read(forMash, "$.access")).isEqualTo("AGENDA");
        assertThat(forMash).doesNotContain("Threats to kill");

        String forPolice = marac.getJson("demo.police", "/api/v1/marac/referrals/" + referral);
        assertThat((Boolean) JsonPath.read(forPolice, "$.mappaLeads")).isTrue();
        assertThat((Boolean) JsonPath.read(forPolice, "$.unbornChild")).isTrue();
    }

    @Test
    void withoutConsentAReferralNeedsALawfulBasisAndTheReason() throws Exception {
        UUID victim = marac.person("demo.police", "Uma", MaracSupport.unique(), MaracSupport.randomAdultBirthday());
        String noConsent = MaracSupport.referral(marac.demoArea(), victim, null).replace("\"consent\":\"GIVEN\"",
                "\"consent\":\"REFUSED\"");
        marac.refer("demo.police", noConsent).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("lawfulBasis",
                        "consentRationale")));
        UUID referral = marac.referred("demo.police", noConsent.replace("\"consent\":\"REFUSED\"",
                "\"consent\":\"REFUSED\",\"lawfulBasis\":\"VITAL_INTERESTS\",\"consentRationale\":\"She is at risk of being killed\""));
        assertThat(jdbc.sql("select lawful_basis from marac_referral where id = ?").param(referral).query(String.class).single())
                .isEqualTo("VITAL_INTERESTS");
    }
}
