package org.waymark.governance;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Retention (issue 7 §5): records fall due by the configured rules; only a recorded approval anonymises one. */
@WaymarkTest
class RetentionTests {

    static final String REFUGE = "Flat 9, 3 Harbour Row";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Retention retention;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    /** The application's clock moved on by this long: the review job's "today" then. */
    LocalDate todayAfter(Duration later) {
        return LocalDate.now(Clock.offset(clock, later));
    }

    static Duration years(int years) {
        return Duration.ofDays(365L * years + years / 4 + 1);
    }

    ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    UUID person(String json) throws Exception {
        String body = call("demo.police", post("/api/v1/people").contentType("application/json").content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    record Family(UUID victim, UUID harm, UUID child, UUID caseId, UUID incident) {
    }

    /** A police case; with a child of the given date of birth when not null. Closed today (closure is not yet a feature). */
    Family closedCase(LocalDate childBorn) throws Exception {
        String surname = SubjectAccessTests.unique();
        UUID victim = person("""
                {"givenName":"Hana","familyName":"%s","dateOfBirth":"1991-05-06","address":"%s","postcode":"WV2 2ZZ",
                 "addressRestricted":true,"phone":"07700 900111","nhsNumber":"9434765919"}""".formatted(surname, REFUGE));
        UUID harm = person("{\"givenName\":\"Dale\",\"familyName\":\"" + SubjectAccessTests.unique() + "\"}");
        UUID child = childBorn == null ? null : person("{\"givenName\":\"Ivy\",\"familyName\":\"" + surname
                + "\",\"dateOfBirth\":\"" + childBorn + "\"}");
        String people = "{\"personId\":\"%s\",\"role\":\"VICTIM\"},{\"personId\":\"%s\",\"role\":\"PERSON_CAUSING_HARM\"}"
                .formatted(victim, harm) + (child == null ? "" : ",{\"personId\":\"" + child + "\",\"role\":\"CHILD\",\"experience\":\"HEARD\"}");
        String created = call("demo.police", post("/api/v1/incidents").contentType("application/json").content("""
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","severity":"STANDARD","narrative":"Hana told officers what happened",
                 "location":"%s","locationRestricted":true,"people":[%s]}""".formatted(
                LocalDate.now(ZoneId.of("Europe/London")).minusDays(1), REFUGE, people)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID caseId = jdbc.sql("select id from dva_case where victim_person_id = ?").param(victim).query(UUID.class).single();
        UUID incident = jdbc.sql("select incident_id from case_incident where case_id = ?").param(caseId).query(UUID.class).single();
        // Closing a case is not built yet: the row is closed as the closure would close it.
        jdbc.sql("update dva_case set status = 'CLOSED', closed_at = now(), closed_by = ? where id = ?")
                .params(data.userId("demo.police"), caseId).update();
        return new Family(victim, harm, child, caseId, incident);
    }

    List<Map<String, Object>> reviews(String type, UUID record) {
        return jdbc.sql("select * from retention_review where record_type = ? and record_id = ? order by listed_at")
                .params(type, record).query().listOfRows();
    }

    Map<String, Object> personRow(UUID id) {
        return jdbc.sql("select * from person where id = ?").param(id).query().singleRow();
    }

    long rows(String table, UUID person) {
        return jdbc.sql("select count(*) from " + table + " where person_id = ?").param(person).query(Long.class).single();
    }

    @Test
    void theReviewJobIsADurableRecurringTask() {
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'retention-review'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClosedCaseFallsDueSixYearsAfterClosureAndTheJobAloneChangesNothing() throws Exception {
        Family f = closedCase(null);
        Map<String, Object> before = personRow(f.victim());
        long auditRows = jdbc.sql("select count(*) from audit_event where object_id = ?").param(f.victim().toString())
                .query(Long.class).single();

        retention.listDue(LocalDate.now(clock));
        retention.listDue(todayAfter(years(6).minusDays(3)));
        assertThat(reviews("CASE", f.caseId())).isEmpty();

        retention.listDue(todayAfter(years(6).plusDays(1)));
        assertThat(reviews("CASE", f.caseId())).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("DUE");
            assertThat(r.get("rule")).isEqualTo(RetentionSchedule.CLOSED_CASE);
            assertThat(r.get("decided_by")).isNull();
        });
        // Listing again changes nothing; far in the future still nothing is anonymised without a decision.
        retention.listDue(todayAfter(years(40)));
        assertThat(reviews("CASE", f.caseId())).hasSize(1);
        assertThat(personRow(f.victim())).isEqualTo(before);
        assertThat(rows("person_address", f.victim())).isEqualTo(1);
        assertThat(rows("person_match_key", f.victim())).isPositive();
        assertThat(jdbc.sql("select narrative from incident where id = ?").param(f.incident()).query(String.class).single())
                .isEqualTo("Hana told officers what happened");
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ?").param(f.victim().toString())
                .query(Long.class).single()).isEqualTo(auditRows);
    }

    @Test
    void aCaseWithAChildIsKeptUntilTheYoungestChildIsTwentyFive() throws Exception {
        LocalDate born = LocalDate.now(clock).minusYears(3);
        Family f = closedCase(born);
        retention.listDue(todayAfter(years(7)));
        assertThat(reviews("CASE", f.caseId())).isEmpty();
        retention.listDue(born.plusYears(25).minusDays(1));
        assertThat(reviews("CASE", f.caseId())).isEmpty();
        retention.listDue(born.plusYears(25));
        assertThat(reviews("CASE", f.caseId())).singleElement()
                .satisfies(r -> assertThat(r.get("rule")).isEqualTo(RetentionSchedule.CLOSED_CASE_WITH_CHILDREN));
    }

    @Test
    void aPersonOnNoCaseFallsDueSixYearsAfterTheRecordLastChanged() throws Exception {
        UUID person = person("{\"givenName\":\"Lone\",\"familyName\":\"" + SubjectAccessTests.unique() + "\"}");
        retention.listDue(todayAfter(years(5)));
        assertThat(reviews("PERSON", person)).isEmpty();
        retention.listDue(todayAfter(years(6).plusDays(1)));
        assertThat(reviews("PERSON", person)).singleElement()
                .satisfies(r -> assertThat(r.get("rule")).isEqualTo(RetentionSchedule.PERSON_WITHOUT_CASE));
    }

    @Test
    void onlyARecordedApprovalAnonymisesAndItLeavesAStubAndTheAuditTrail() throws Exception {
        Family f = closedCase(LocalDate.now(clock).minusYears(30));
        retention.listDue(todayAfter(years(7)));
        UUID review = (UUID) reviews("CASE", f.caseId()).get(0).get("id");
        String decision = "/api/v1/retention/reviews/" + review + "/decision";
        Map<String, Object> before = personRow(f.victim());

        // A practitioner may not decide; a safeguarding lead of another agency does not see the police's records.
        call("demo.police", post(decision).contentType("application/json")
                .content("{\"decision\":\"ANONYMISE\",\"rationale\":\"Retention ended\"}")).andExpect(status().isForbidden());
        call("demo.idvalead", post(decision).contentType("application/json")
                .content("{\"decision\":\"ANONYMISE\",\"rationale\":\"Retention ended\"}")).andExpect(status().isNotFound());
        call("demo.idvalead", get("/api/v1/retention/reviews")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + review + "')]").isEmpty());
        // A decision needs its reason.
        call("demo.policelead", post(decision).contentType("application/json").content("{\"decision\":\"ANONYMISE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rationale"));
        assertThat(personRow(f.victim())).isEqualTo(before);
        assertThat(reviews("CASE", f.caseId()).get(0).get("status")).isEqualTo("DUE");

        long auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        call("demo.policelead", post(decision).contentType("application/json")
                .content("{\"decision\":\"ANONYMISE\",\"rationale\":\"Six years since closure, no proceedings or hold\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANONYMISED"))
                .andExpect(jsonPath("$.decidedBy").value("DS Pat Lead"));

        for (UUID person : List.of(f.victim(), f.harm(), f.child())) {
            Map<String, Object> row = personRow(person);
            assertThat(row.get("given_name")).isEqualTo("Anonymised");
            assertThat(row.get("family_name")).isNull();
            assertThat(row.get("date_of_birth")).isNull();
            assertThat(row.get("nhs_number")).isNull();
            for (String table : List.of("person_address", "person_contact", "person_match_key", "person_other_name")) {
                assertThat(rows(table, person)).as(table).isZero();
            }
        }
        Map<String, Object> incident = jdbc.sql("select * from incident where id = ?").param(f.incident()).query().singleRow();
        assertThat(incident.get("narrative")).isNull();
        assertThat(incident.get("sealed_location")).isNull();
        assertThat(incident.get("occurred_on")).isNotNull();
        // The stub: what, when, by whom, under which rule; and the audit trail is only ever added to.
        Map<String, Object> stub = reviews("CASE", f.caseId()).get(0);
        assertThat(stub.get("status")).isEqualTo("ANONYMISED");
        assertThat(stub.get("decided_by")).isEqualTo(data.userId("demo.policelead"));
        assertThat(stub.get("rule")).isEqualTo(RetentionSchedule.CLOSED_CASE);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isGreaterThan(auditBefore);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'RETENTION_ANONYMISE' and object_id = ?
                   and details ->> 'recordId' = ? and details ->> 'rule' = 'CLOSED_CASE'""")
                .params(review.toString(), f.caseId().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ? and action = 'CREATE_PERSON'")
                .param(f.victim().toString()).query(Long.class).single()).isEqualTo(1);
        // Decided once: a second decision changes nothing.
        call("demo.admin", post(decision).contentType("application/json")
                .content("{\"decision\":\"KEEP\",\"rationale\":\"Changed my mind\"}")).andExpect(status().isConflict());
        // Never listed again.
        retention.listDue(todayAfter(years(50)));
        assertThat(reviews("CASE", f.caseId())).hasSize(1);
    }

    @Test
    void someoneStillOnAnotherCaseIsKeptWithIt() throws Exception {
        Family f = closedCase(null);
        // The man said to cause harm is also on another woman's open case.
        UUID other = person("{\"givenName\":\"Esme\",\"familyName\":\"" + SubjectAccessTests.unique() + "\"}");
        call("demo.police", post("/api/v1/incidents").contentType("application/json").content("""
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"},
                 {"personId":"%s","role":"PERSON_CAUSING_HARM"}]}""".formatted(LocalDate.now(clock).minusDays(1), other, f.harm())))
                .andExpect(status().isCreated());
        String hisName = (String) personRow(f.harm()).get("family_name");
        retention.listDue(todayAfter(years(7)));
        UUID review = (UUID) reviews("CASE", f.caseId()).get(0).get("id");
        call("demo.admin", post("/api/v1/retention/reviews/" + review + "/decision").contentType("application/json")
                .content("{\"decision\":\"ANONYMISE\",\"rationale\":\"Retention ended\"}")).andExpect(status().isOk());
        assertThat(personRow(f.victim()).get("given_name")).isEqualTo("Anonymised");
        assertThat(personRow(f.harm()).get("family_name")).isEqualTo(hisName);
    }

    @Test
    void keepingADueRecordDefersItsNextReview() throws Exception {
        Family f = closedCase(null);
        LocalDate due = todayAfter(years(7));
        retention.listDue(due);
        UUID review = (UUID) reviews("CASE", f.caseId()).get(0).get("id");
        MockHttpSession lead = SignedIn.as(mvc, "demo.policelead");
        String page = mvc.perform(get("/governance/retention").session(lead)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/governance/retention/" + review).doesNotContain("Hana");
        // The page refuses a decision without a reason, with a GOV.UK error summary, and changes nothing.
        assertThat(mvc.perform(post("/governance/retention/" + review).session(lead).with(csrf()).param("decision", "KEEP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("govuk-error-summary").contains("Give the reason for your decision");
        assertThat(reviews("CASE", f.caseId()).get(0).get("status")).isEqualTo("DUE");
        mvc.perform(post("/governance/retention/" + review).session(lead).with(csrf()).param("decision", "KEEP")
                .param("rationale", "Family court proceedings are still running")).andExpect(status().is3xxRedirection());
        Map<String, Object> kept = reviews("CASE", f.caseId()).get(0);
        assertThat(kept.get("status")).isEqualTo("KEPT");
        assertThat(personRow(f.victim()).get("given_name")).isEqualTo("Hana");
        LocalDate keepUntil = ((java.sql.Date) kept.get("keep_until")).toLocalDate();
        assertThat(keepUntil).isEqualTo(((java.sql.Date) kept.get("due_on")).toLocalDate().plusYears(1));
        retention.listDue(keepUntil);
        assertThat(reviews("CASE", f.caseId())).hasSize(1);
        retention.listDue(keepUntil.plusDays(1));
        assertThat(reviews("CASE", f.caseId())).hasSize(2).last().satisfies(r -> assertThat(r.get("status")).isEqualTo("DUE"));
        // A practitioner has no retention page.
        mvc.perform(get("/governance/retention").session(SignedIn.as(mvc, "demo.police"))).andExpect(status().isForbidden());
    }
}
