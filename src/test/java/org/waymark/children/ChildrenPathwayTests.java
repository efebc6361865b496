package org.waymark.children;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The children's pathway through the API on a real PostgreSQL (issue 5). */
@WaymarkTest
class ChildrenPathwayTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ADDRESS = "14 Larch Walk";
    static final String ACCOUNT = "Officers heard shouting from the street and found the front door broken";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Schools schools;

    @Autowired
    WorkingCalendar calendar;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    // ---- fixtures -------------------------------------------------------------------------------------

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType("application/json").content(json).with(httpBasic(user, "demo")));
    }

    ResultActions read(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")));
    }

    static String unique() {
        return "Cp" + UUID.randomUUID().toString().replace("-", "").chars().limit(7)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    UUID person(String json) throws Exception {
        String body = post("demo.police", "/api/v1/people", json).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    UUID agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(UUID.class).single();
    }

    /** A household: a victim, the person causing harm, and the children with what each experienced. */
    record Household(String surname, UUID victim, UUID harm, UUID incident, List<UUID> children, List<String> names) {
    }

    Household household(String severity, String flags, List<String> childNames, List<LocalDate> born,
                        List<String> experiences) throws Exception {
        String surname = unique();
        // Each household's victim is born on a different day: the same given name and date of birth under another
        // surname is, to the matcher, likely the same woman (a married name), whose MARAC history would then count.
        LocalDate victimBorn = LocalDate.of(1975, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
        UUID victim = person("""
                {"givenName":"Nadia","familyName":"%s","dateOfBirth":"%s","address":"%s","postcode":"WV1 1AA"}"""
                .formatted(surname, victimBorn, ADDRESS));
        UUID harm = person("{\"givenName\":\"Carl\",\"familyName\":\"" + surname + "\",\"dateOfBirth\":\"1988-01-02\"}");
        List<UUID> children = new java.util.ArrayList<>();
        StringBuilder people = new StringBuilder("{\"personId\":\"%s\",\"role\":\"VICTIM\"},{\"personId\":\"%s\",\"role\":\"PERSON_CAUSING_HARM\"}"
                .formatted(victim, harm));
        for (int i = 0; i < childNames.size(); i++) {
            UUID child = person("{\"givenName\":\"%s\",\"familyName\":\"%s\",\"dateOfBirth\":\"%s\"}"
                    .formatted(childNames.get(i), surname, born.get(i)));
            children.add(child);
            people.append(",{\"personId\":\"%s\",\"role\":\"CHILD\",\"experience\":\"%s\"}".formatted(child, experiences.get(i)));
        }
        String body = post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","severity":"%s","abuseTypes":["PHYSICAL"],%s
                 "narrative":"%s","people":[%s]}""".formatted(LocalDate.now(LONDON), severity, flags, ACCOUNT, people))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Household(surname, victim, harm, UUID.fromString(JsonPath.read(body, "$.id")), children,
                childNames.stream().map(n -> n + " " + surname).toList());
    }

    /** The household: a baby of four months and a seven-year-old at Millbrook Primary who heard it. */
    Household babyAndSevenYearOld() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        return household("STANDARD", "", List.of("Ava", "Leo"), List.of(today.minusMonths(4), today.minusYears(7).minusDays(20)),
                List.of("PRESENT", "HEARD"));
    }

    String babyAndSevenYearOldNotification(Household h, String extra) {
        return """
                {"incidentId":"%s","victimPregnant":false,%s"children":[
                  {"personId":"%s","livesInHousehold":true},
                  {"personId":"%s","livesInHousehold":true,"experience":"HEARD","demeanour":"Quiet, clinging to his mother",
                   "risks":"Frightened of his father","schoolAgencyId":"%s","supportSuggested":"A quiet check-in with his class teacher"}]}"""
                .formatted(h.incident(), extra, h.children().get(0), h.children().get(1), agency("Millbrook Primary School"));
    }

    /** A minor incident with a ten-year-old who was not there: rule C4 permits information and advice only. */
    Household minorIncident() throws Exception {
        return household("MINOR", "", List.of("Mia"), List.of(LocalDate.now(LONDON).minusYears(10)), List.of("NOT_PRESENT"));
    }

    String minorNotification(Household h) {
        return """
                {"incidentId":"%s","victimPregnant":false,"children":[{"personId":"%s","livesInHousehold":true}]}"""
                .formatted(h.incident(), h.children().get(0));
    }

    UUID notify(String json) throws Exception {
        String body = post("demo.police", "/api/v1/children/notifications", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    int triageVersion(UUID id) {
        return jdbc.sql("select version from mash_triage where notification_id = ?").param(id).query(Integer.class).single();
    }

    ResultActions decide(String user, UUID id, String outcome, String lower) throws Exception {
        return post(user, "/api/v1/mash/triage/" + id + "/decision", """
                {"outcome":"%s","leadAgencyId":"%s","rationale":"Agreed at the triage panel","lowerOutcomeRationale":%s,"version":%d}"""
                .formatted(outcome, agency("Wrekin Vale Children's Social Care"), lower == null ? "null" : "\"" + lower + "\"",
                        triageVersion(id)));
    }

    List<Map<String, Object>> tasksAbout(UUID subject) {
        return jdbc.sql("select * from task where subject_id = ? order by created_at").param(subject).query().listOfRows();
    }

    // ---- the police notification and its follow-up ---------------------------------------------------

    @Test
    void aBabyAndASevenYearOldWhoHeardItGoToThePanelWithTheReferralRequiredAndOnlyTheSevenYearOldsSchoolIsTold() throws Exception {
        Household h = babyAndSevenYearOld();
        long sharesBefore = data.count("share_decision");
        String body = post("demo.police", "/api/v1/children/notifications", babyAndSevenYearOldNotification(h, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.triage.route").value("PANEL"))
                // C6: a baby under 12 months in the household calls for a strategy discussion, C1 for a referral.
                .andExpect(jsonPath("$.triage.recommendedOutcome").value("STRATEGY_DISCUSSION"))
                .andExpect(jsonPath("$.actions[?(@.code == 'REFER_CHILDRENS_SOCIAL_CARE')].rules[*]", hasItem("C1")))
                .andExpect(jsonPath("$.actions[?(@.code == 'STRATEGY_DISCUSSION')].reasons[*]",
                        hasItem(org.waymark.risk.ReasonCode.PREGNANT_OR_BABY_UNDER_12_MONTHS.description())))
                .andExpect(jsonPath("$.strategyDiscussionId").isNotEmpty())
                .andExpect(jsonPath("$.actions[?(@.code == 'NOTIFY_SCHOOL')]", hasSize(1)))
                .andExpect(jsonPath("$.schoolNotifications", hasSize(1)))
                .andExpect(jsonPath("$.schoolNotifications[0].childName").value(h.names().get(1)))
                .andExpect(jsonPath("$.children", hasSize(2)))
                .andExpect(jsonPath("$.children[0].ageYears").value(0))
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));

        // D4: the panel discusses it within 48 hours of receipt; the MASH owns the triage task.
        Instant submitted = jdbc.sql("select submitted_at from police_notification where id = ?").param(id)
                .query(Timestamp.class).single().toInstant();
        Instant due = jdbc.sql("select due_at from mash_triage where notification_id = ?").param(id)
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(submitted, due)).isEqualTo(Duration.ofHours(48));
        Map<String, Object> triageTask = tasksAbout(id).stream().filter(t -> t.get("kind").equals("MASH_TRIAGE")).findFirst()
                .orElseThrow();
        assertThat(triageTask.get("owner_agency_id")).isEqualTo(agency("Wrekin Vale MASH"));
        assertThat(((Timestamp) triageTask.get("due_at")).toInstant()).isEqualTo(due);

        // The MASH sees it in its queue with the referral to children's social care required.
        read("demo.mash", "/api/v1/mash/triage").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].recommendedOutcome", hasItem("STRATEGY_DISCUSSION")));
        read("demo.mash", "/api/v1/children/notifications/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[*].code", hasItem("REFER_CHILDRENS_SOCIAL_CARE")));
        // The sharing with the MASH, with children's social care (the strategy discussion) and the school is recorded.
        assertThat(data.count("share_decision")).isEqualTo(sharesBefore + 3);

        // D3: the school is due to know at the start of its next school day, and the MASH hears if it does not.
        UUID schoolNotice = UUID.fromString(JsonPath.read(body, "$.schoolNotifications[0].id"));
        Instant schoolDue = jdbc.sql("select due_at from school_notification where id = ?").param(schoolNotice)
                .query(Timestamp.class).single().toInstant();
        assertThat(schoolDue).isEqualTo(schools.get(agency("Millbrook Primary School")).calendar()
                .nextSchoolDayStartAfter(submitted, calendar).toInstant());
        Map<String, Object> schoolTask = tasksAbout(schoolNotice).get(0);
        assertThat(schoolTask.get("owner_agency_id")).isEqualTo(agency("Millbrook Primary School"));
        assertThat(schoolTask.get("escalate_to_agency_id")).isEqualTo(agency("Wrekin Vale MASH"));

        // The school's key adult sees the seven-year-old only, never the address, the account or the baby.
        String notices = read("demo.school", "/api/v1/school-notifications").andExpect(status().isOk())
                .andExpect(content().string(containsString(h.names().get(1))))
                .andReturn().getResponse().getContentAsString();
        String notice = read("demo.school", "/api/v1/school-notifications/" + schoolNotice).andExpect(status().isOk())
                .andExpect(jsonPath("$.experience").value("HEARD"))
                .andExpect(jsonPath("$.supportSuggested").value("A quiet check-in with his class teacher"))
                .andReturn().getResponse().getContentAsString();
        for (String output : List.of(notices, notice)) {
            assertThat(output).doesNotContain(ADDRESS).doesNotContain(ACCOUNT).doesNotContain(h.names().get(0))
                    .doesNotContain("Nadia").doesNotContain("Carl");
        }
        post("demo.school", "/api/v1/school-notifications/" + schoolNotice + "/acknowledgement", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.acknowledgedBy").value("Sam School"));
        assertThat(tasksAbout(schoolNotice).get(0).get("status")).isEqualTo("DONE");
        post("demo.school", "/api/v1/school-notifications/" + schoolNotice + "/acknowledgement", "")
                .andExpect(status().isConflict());
    }

    @Test
    void strangersThePerpetratorSideAndOtherSchoolsAreToldItDoesNotExistAndTheAttemptIsAudited() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID id = notify(babyAndSevenYearOldNotification(h, ""));
        UUID schoolNotice = jdbc.sql("select id from school_notification where notification_id = ?").param(id)
                .query(UUID.class).single();
        long lastAudit = data.lastAuditId();
        String missing = read("demo.health", "/api/v1/children/notifications/" + UUID.randomUUID())
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        for (String user : List.of("demo.health", "demo.dvpp", "demo.school", "demo.idva")) {
            String refused = read(user, "/api/v1/children/notifications/" + id).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(refused.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(missing.replaceAll("\"instance\":\"[^\"]*\"", ""));
            post(user, "/api/v1/mash/triage/" + id + "/information", "{\"information\":\"We know them\"}")
                    .andExpect(status().isNotFound());
        }
        for (String user : List.of("demo.health", "demo.police", "demo.mash", "demo.dvpp")) {
            read(user, "/api/v1/school-notifications/" + schoolNotice).andExpect(status().isNotFound());
            post(user, "/api/v1/school-notifications/" + schoolNotice + "/acknowledgement", "").andExpect(status().isNotFound());
        }
        List<Map<String, Object>> refusals = data.auditSince(lastAudit).stream()
                .filter(r -> "REFUSED".equals(String.valueOf(r.get("outcome")))).toList();
        assertThat(refusals).extracting(r -> r.get("action")).contains("READ_POLICE_NOTIFICATION",
                "RECORD_TRIAGE_INFORMATION", "READ_SCHOOL_NOTIFICATION", "ACKNOWLEDGE_SCHOOL_NOTIFICATION");
        assertThat(jdbc.sql("select count(*) from triage_agency_information where notification_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from school_notification where id = ?").param(schoolNotice)
                .query(String.class).single()).isEqualTo("AWAITING_ACKNOWLEDGEMENT");
        // A police officer notifies; a MASH officer triages; nobody else.
        post("demo.health", "/api/v1/children/notifications", minorNotification(h)).andExpect(status().isForbidden());
        read("demo.police", "/api/v1/mash/triage").andExpect(status().isForbidden());
        decide("demo.police", id, "CHILD_IN_NEED_ASSESSMENT", null).andExpect(status().isForbidden());
    }

    @Test
    void informationAndAdviceIsRefusedUnlessRuleC4PermitsItAndTheRefusalChangesNothing() throws Exception {
        UUID id = notify(babyAndSevenYearOldNotification(babyAndSevenYearOld(), ""));
        int version = triageVersion(id);
        long tasks = data.count("task");
        decide("demo.mash", id, "INFORMATION_AND_ADVICE", "We think it was minor")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].message", containsString("rule C4")));
        assertThat(triageVersion(id)).isEqualTo(version);
        assertThat(jdbc.sql("select status from mash_triage where notification_id = ?").param(id).query(String.class)
                .single()).isEqualTo("AWAITING_DECISION");
        assertThat(data.count("task")).isEqualTo(tasks);

        UUID permitted = notify(minorNotification(minorIncident()));
        read("demo.mash", "/api/v1/children/notifications/" + permitted)
                .andExpect(jsonPath("$.triage.informationAndAdvicePermitted").value(true))
                .andExpect(jsonPath("$.triage.recommendedOutcome").value("INFORMATION_AND_ADVICE"));
        decide("demo.mash", permitted, "INFORMATION_AND_ADVICE", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.triage.outcome").value("INFORMATION_AND_ADVICE"));
    }

    @Test
    void aResponseLowerThanTheRulesRecommendNeedsItsOwnRecordedReason() throws Exception {
        UUID id = notify(babyAndSevenYearOldNotification(babyAndSevenYearOld(), ""));
        decide("demo.mash", id, "SINGLE_AGENCY_SUPPORT", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lowerOutcomeRationale")));
        assertThat(jdbc.sql("select status from mash_triage where notification_id = ?").param(id).query(String.class)
                .single()).isEqualTo("AWAITING_DECISION");
        decide("demo.mash", id, "SINGLE_AGENCY_SUPPORT", "Midwife and health visitor already visit daily; mother engaging")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.triage.outcome").value("SINGLE_AGENCY_SUPPORT"))
                .andExpect(jsonPath("$.triage.lowerOutcomeRationale").value("Midwife and health visitor already visit daily; mother engaging"))
                .andExpect(jsonPath("$.triage.leadAgencyName").value("Wrekin Vale Children's Social Care"));
        assertThat(tasksAbout(id).stream().filter(t -> t.get("kind").equals("MASH_TRIAGE")).findFirst().orElseThrow()
                .get("status")).isEqualTo("DONE");
        // A second decision on a decided triage is refused.
        decide("demo.mash", id, "CHILD_IN_NEED_ASSESSMENT", "Changed our mind").andExpect(status().isConflict());
    }

    @ParameterizedTest
    @EnumSource(ThresholdOutcome.class)
    void eachThresholdOutcomeIsRecordedWithItsFollowUp(ThresholdOutcome outcome) throws Exception {
        UUID id = notify(minorNotification(minorIncident()));
        decide("demo.mash", id, outcome.name(), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.triage.status").value("DECIDED"))
                .andExpect(jsonPath("$.triage.outcome").value(outcome.name()));
        boolean strategy = jdbc.sql("select count(*) > 0 from strategy_discussion where notification_id = ?").param(id)
                .query(Boolean.class).single();
        assertThat(strategy).isEqualTo(outcome == ThresholdOutcome.STRATEGY_DISCUSSION);
        List<Map<String, Object>> assessment = tasksAbout(id).stream()
                .filter(t -> t.get("kind").equals("CHILD_AND_FAMILY_ASSESSMENT")).toList();
        assertThat(assessment).hasSize(outcome == ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT ? 1 : 0);
        if (!assessment.isEmpty()) {
            LocalDate due = ((Timestamp) assessment.get(0).get("due_at")).toInstant().atZone(LONDON).toLocalDate();
            assertThat(due).isEqualTo(calendar.addWorkingDays(LocalDate.now(LONDON), 45));
        }
        // The lead agency is now involved in the case.
        UUID caseId = jdbc.sql("select case_id from police_notification where id = ?").param(id).query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from case_agency where case_id = ? and agency_id = ? and ended_at is null")
                .params(caseId, agency("Wrekin Vale Children's Social Care")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void seriousViolenceOpensAStrategyDiscussionThatSocialCareRecords() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        Household h = household("SERIOUS", "\"weapon\":true,", List.of("Zoe"), List.of(today.minusYears(12)), List.of("SAW"));
        UUID id = notify("""
                {"incidentId":"%s","victimPregnant":false,"children":[{"personId":"%s","livesInHousehold":true,"witnessedSeriousHarm":true}]}"""
                .formatted(h.incident(), h.children().get(0)));
        UUID discussion = jdbc.sql("select id from strategy_discussion where notification_id = ?").param(id)
                .query(UUID.class).single();
        Map<String, Object> task = tasksAbout(discussion).get(0);
        assertThat(task.get("kind")).isEqualTo("STRATEGY_DISCUSSION");
        assertThat(task.get("owner_agency_id")).isEqualTo(agency("Wrekin Vale Children's Social Care"));
        read("demo.social", "/api/v1/strategy-discussions/" + discussion).andExpect(status().isOk())
                .andExpect(jsonPath("$.rules", hasItem("C6")))
                .andExpect(jsonPath("$.agenciesToInvolve", hasItem("Wrekin Vale Police")))
                .andExpect(jsonPath("$.agenciesToInvolve", hasItem("Wrekin Vale Children's Social Care")))
                .andExpect(jsonPath("$.mayRecord").value(true));
        read("demo.health", "/api/v1/strategy-discussions/" + discussion).andExpect(status().isNotFound());
        post("demo.police", "/api/v1/strategy-discussions/" + discussion + "/outcome", """
                {"heldOn":"%s","attended":"Police, social care","section47":true,"actions":"Visit today","version":0}"""
                .formatted(today)).andExpect(status().isForbidden());
        post("demo.social", "/api/v1/strategy-discussions/" + discussion + "/outcome", """
                {"heldOn":"%s","version":0}""".formatted(today.plusDays(1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("heldOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("attended")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("section47")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("actions")));
        post("demo.social", "/api/v1/strategy-discussions/" + discussion + "/outcome", """
                {"heldOn":"%s","attended":"DS Pat Lead (police), Sol Social (social care), school nurse",
                 "section47":true,"actions":"Joint visit today; medical for Zoe","version":0}""".formatted(today))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.section47").value(true));
        assertThat(tasksAbout(discussion)).extracting(t -> t.get("kind") + ":" + t.get("status"))
                .containsExactlyInAnyOrder("STRATEGY_DISCUSSION:DONE", "CHILD_PROTECTION_ENQUIRY:OPEN");
    }

    @Test
    void aHighRiskDashSendsItToTheMashAtOnceFlaggedUrgentAndFirstInTheQueue() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID dash = completedDash(h.victim(), 15);
        UUID id = notify(babyAndSevenYearOldNotification(h, "\"riskAssessmentId\":\"" + dash + "\","));
        read("demo.mash", "/api/v1/children/notifications/" + id)
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.dashYesCount").value(15))
                .andExpect(jsonPath("$.triage.route").value("MASH_URGENT"))
                .andExpect(jsonPath("$.triage.urgent").value(true))
                .andExpect(jsonPath("$.actions[*].code", hasItem("SEND_DASH_TO_MASH")));
        Instant submitted = jdbc.sql("select submitted_at from police_notification where id = ?").param(id)
                .query(Timestamp.class).single().toInstant();
        assertThat(jdbc.sql("select due_at from mash_triage where notification_id = ?").param(id).query(Timestamp.class)
                .single().toInstant()).isEqualTo(submitted.plus(Duration.ofHours(1)));
        read("demo.mash", "/api/v1/mash/triage").andExpect(jsonPath("$[0].urgent").value(true));
        // Another force's DASH, or one about someone else, is not this notification's DASH.
        Household other = babyAndSevenYearOld();
        post("demo.police", "/api/v1/children/notifications", babyAndSevenYearOldNotification(other,
                "\"riskAssessmentId\":\"" + dash + "\",")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("riskAssessmentId")));
    }

    /** A completed police DASH with this many "yes" answers, as the DASH pages store it. */
    UUID completedDash(UUID victim, int yes) {
        UUID id = UUID.randomUUID();
        StringBuilder answers = new StringBuilder("{");
        for (int q = 1; q <= 24; q++) {
            answers.append(q > 1 ? "," : "").append("\"").append(q).append("\":{\"answer\":\"")
                    .append(q <= yes ? "YES" : "NO").append("\"}");
        }
        answers.append("}");
        UUID police = agency("Wrekin Vale Police");
        UUID officer = data.userId("demo.police");
        jdbc.sql("""
                insert into risk_assessment (id, agency_id, created_by, victim_reference, status, profile, instrument_id,
                    instrument_version, answers, questions_snapshot, result, completed_at, completed_by, person_id)
                values (?, ?, ?, 'Nadia', 'COMPLETED', 'national', 'dash-ric', '1.0', cast(? as jsonb), '[]'::jsonb,
                        cast(? as jsonb), now(), ?, ?)""")
                .params(id, police, officer, answers.toString(),
                        "{\"evaluation\":{\"riskLevel\":\"" + (yes >= 14 ? "HIGH" : "MEDIUM") + "\"},\"yesCount\":" + yes + "}",
                        officer, victim).update();
        return id;
    }

    @Test
    void aFamilyAlreadyOpenToSocialCareGoesToItsAllocatedSocialWorkerWhoDecides() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID caseId = jdbc.sql("select c.id from dva_case c where c.victim_person_id = ? and c.status = 'OPEN'")
                .param(h.victim()).query(UUID.class).single();
        UUID social = data.userId("demo.social");
        // Children's social care already works with the family: its worker is allocated to the case.
        jdbc.sql("""
                insert into case_agency (id, case_id, agency_id, basis, works_with, added_by)
                values (?, ?, ?, 'REFERRED', 'WHOLE_FAMILY', ?)""")
                .params(UUID.randomUUID(), caseId, agency("Wrekin Vale Children's Social Care"), social).update();
        jdbc.sql("insert into case_worker (id, case_id, user_id, works_with, allocated_by) values (?, ?, ?, 'WHOLE_FAMILY', ?)")
                .params(UUID.randomUUID(), caseId, social, data.userId("demo.policelead")).update();
        UUID id = notify(babyAndSevenYearOldNotification(h, ""));
        read("demo.social", "/api/v1/children/notifications/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.triage.route").value("CASEWORKER"))
                .andExpect(jsonPath("$.triage.caseworkerName").value("Sol Social"));
        Map<String, Object> task = tasksAbout(id).stream().filter(t -> t.get("kind").equals("MASH_TRIAGE")).findFirst()
                .orElseThrow();
        assertThat(task.get("owner_user_id")).isEqualTo(social);
        assertThat(((Timestamp) task.get("due_at")).toInstant())
                .isEqualTo(calendar.endOfNextWorkingDay(jdbc.sql("select submitted_at from police_notification where id = ?")
                        .param(id).query(Timestamp.class).single().toInstant()).toInstant());
        decide("demo.social", id, "STRATEGY_DISCUSSION", null).andExpect(status().isOk());
    }

    @Test
    void theMashAsksAnAgencyWhoseRepresentativeAddsWhatItHoldsForThePanel() throws Exception {
        UUID id = notify(babyAndSevenYearOldNotification(babyAndSevenYearOld(), ""));
        read("demo.health", "/api/v1/children/notifications/" + id).andExpect(status().isNotFound());
        post("demo.mash", "/api/v1/mash/triage/" + id + "/information-requests",
                "{\"agencyId\":\"" + agency("Fresh Start Perpetrator Programme") + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agencyId"));
        post("demo.mash", "/api/v1/mash/triage/" + id + "/information-requests",
                "{\"agencyId\":\"" + agency("Wrekin Vale Midwifery") + "\"}").andExpect(status().isNoContent());
        UUID request = MashTriage.informationRequestId(id, agency("Wrekin Vale Midwifery"));
        assertThat(tasksAbout(request)).singleElement().satisfies(t -> {
            assertThat(t.get("owner_agency_id")).isEqualTo(agency("Wrekin Vale Midwifery"));
            assertThat(t.get("status")).isEqualTo("OPEN");
        });
        post("demo.health", "/api/v1/mash/triage/" + id + "/information", "{\"information\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("information"));
        post("demo.health", "/api/v1/mash/triage/" + id + "/information",
                "{\"information\":\"Booked for antenatal care in 2025; missed two appointments\"}").andExpect(status().isNoContent());
        read("demo.mash", "/api/v1/children/notifications/" + id)
                .andExpect(jsonPath("$.triage.information[0].agencyName").value("Wrekin Vale Midwifery"))
                .andExpect(jsonPath("$.triage.information[0].information").value("Booked for antenatal care in 2025; missed two appointments"));
        assertThat(tasksAbout(request).get(0).get("status")).isEqualTo("DONE");
    }

    @Test
    void aNotificationThatBreaksTheRulesIsRefusedWithEveryFieldAtFaultAndChangesNothing() throws Exception {
        Household h = babyAndSevenYearOld();
        long notifications = data.count("police_notification");
        long tasks = data.count("task");
        long shares = data.count("share_decision");
        post("demo.police", "/api/v1/children/notifications", """
                {"incidentId":"%s","criminalJusticeOutcome":"LET_OFF","perpetratorMappaLevel":5,"children":[
                  {"personId":"%s","livesInHousehold":true,"experience":"SMELT","schoolAgencyId":"%s"}]}"""
                .formatted(h.incident(), h.children().get(1), agency("Wrekin Vale Police")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("children[0].experience")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("children[0].schoolAgencyId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("children")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("criminalJusticeOutcome")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("perpetratorMappaLevel")));
        post("demo.police", "/api/v1/children/notifications", "{\"incidentId\":\"" + h.incident() + "\",\"childs\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("childs")));
        assertThat(data.count("police_notification")).isEqualTo(notifications);
        assertThat(data.count("task")).isEqualTo(tasks);
        assertThat(data.count("share_decision")).isEqualTo(shares);
        // Once sent, an incident is not notified twice.
        notify(babyAndSevenYearOldNotification(h, ""));
        post("demo.police", "/api/v1/children/notifications", babyAndSevenYearOldNotification(h, ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("incidentId"))
                .andExpect(content().string(not(containsString(ADDRESS))));
    }

    @Autowired
    org.waymark.governance.Retention retention;

    @Test
    void anonymisingTheCaseAtTheEndOfRetentionAnonymisesTheNotificationsCopiesOfNamesAndNotes() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID id = notify(babyAndSevenYearOldNotification(h, ""));
        UUID caseId = jdbc.sql("select case_id from police_notification where id = ?").param(id).query(UUID.class).single();
        UUID discussion = jdbc.sql("select id from strategy_discussion where notification_id = ?").param(id)
                .query(UUID.class).single();
        post("demo.social", "/api/v1/strategy-discussions/" + discussion + "/outcome", """
                {"heldOn":"%s","attended":"Sol Social, DS Pat Lead","section47":false,"actions":"Leo %s to see the school nurse",
                 "version":0}""".formatted(LocalDate.now(LONDON), h.surname())).andExpect(status().isOk());
        jdbc.sql("update dva_case set status = 'CLOSED', closed_at = now(), closed_by = ? where id = ?")
                .params(data.userId("demo.policelead"), caseId).update();
        // A case with a baby is kept until the youngest child is 25.
        retention.listDue(LocalDate.now(LONDON).plusYears(26));
        UUID review = jdbc.sql("select id from retention_review where record_type = 'CASE' and record_id = ?").param(caseId)
                .query(UUID.class).single();
        post("demo.policelead", "/api/v1/retention/reviews/" + review + "/decision",
                "{\"decision\":\"ANONYMISE\",\"rationale\":\"Retention period ended\"}").andExpect(status().isOk());
        List<Map<String, Object>> children = jdbc.sql("select * from notification_child where notification_id = ? order by position")
                .param(id).query().listOfRows();
        assertThat(children).extracting(c -> c.get("display_name")).containsExactly("Child 1", "Child 2");
        assertThat(children).extracting(c -> c.get("demeanour")).containsOnlyNulls();
        assertThat(jdbc.sql("select actions from strategy_discussion where notification_id = ?").param(id)
                .query(String.class).single()).isEqualTo("[anonymised]");
    }

    @Test
    void theFamilysTimelineShowsTheIncidentTheDashTheNotificationAndTheDecisionInDateOrder() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID dash = completedDash(h.victim(), 9);
        UUID id = notify(babyAndSevenYearOldNotification(h, "\"riskAssessmentId\":\"" + dash + "\","));
        decide("demo.mash", id, "STRATEGY_DISCUSSION", null).andExpect(status().isOk());
        String timeline = read("demo.police", "/api/v1/people/" + h.victim() + "/timeline").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> kinds = JsonPath.read(timeline, "$[*].kind");
        assertThat(kinds).contains("Incident (victim)", "Risk assessment (DASH-RIC)", "Police notification to the MASH",
                "MASH triage decision");
        List<String> dates = JsonPath.read(timeline, "$[*].on");
        assertThat(dates).isSorted();
        // A child's family timeline holds the same notification; nobody without a tie to the family sees any of it.
        read("demo.police", "/api/v1/people/" + h.children().get(1) + "/family-timeline").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind", hasItem("Police notification to the MASH")));
        read("demo.dvpp", "/api/v1/people/" + h.victim() + "/timeline").andExpect(status().isNotFound());
        read("demo.health", "/api/v1/people/" + h.victim() + "/family-timeline").andExpect(status().isNotFound());
    }

    @Test
    void aVictimReferredToMaracWithinTwelveMonthsIsReferredAgainByRuleR4AndTheReferralJoinsHerTimeline() throws Exception {
        Household h = babyAndSevenYearOld();
        UUID area = jdbc.sql("select id from marac_area where name = 'Wrekin Vale MARAC area'").query(UUID.class).single();
        post("demo.police", "/api/v1/marac/referrals", """
                {"areaId":"%s","victimPersonId":"%s","victimAge":34,"referringOfficer":"PC Dana Police",
                 "criteria":"PROFESSIONAL_JUDGEMENT","reason":"Threats to kill the children","victimAware":true,"consent":"GIVEN",
                 "perpetrators":[{"name":"Carl %s"}]}""".formatted(area, h.victim(), h.surname()))
                .andExpect(status().isCreated());
        UUID id = notify(babyAndSevenYearOldNotification(h, ""));
        read("demo.mash", "/api/v1/children/notifications/" + id)
                .andExpect(jsonPath("$.actions[?(@.code == 'REFER_MARAC')].rules[*]", hasItem("R4")));
        read("demo.police", "/api/v1/people/" + h.victim() + "/timeline")
                .andExpect(jsonPath("$[*].kind", hasItem("MARAC referral")));
    }
}
