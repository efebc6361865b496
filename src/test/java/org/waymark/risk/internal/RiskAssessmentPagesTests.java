package org.waymark.risk.internal;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.risk.Instrument;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.ProcedureRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class RiskAssessmentPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcedureRules rules;

    MockHttpSession police;

    @BeforeEach
    void signIn() throws Exception {
        data.demoPartnership();
        police = SignedIn.as(mvc, "demo.police");
    }

    private UUID start(MockHttpSession session, String victim) throws Exception {
        String location = mvc.perform(post("/risk-assessments/new").session(session).with(csrf())
                        .param("victimReference", victim).param("profile", "national"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private int version(UUID id) {
        return jdbc.sql("select version from risk_assessment where id = ?").param(id).query(Integer.class).single();
    }

    private MockHttpServletRequestBuilder form(UUID id, String page) {
        return post("/risk-assessments/" + id + page).session(police).with(csrf())
                .param("version", Integer.toString(version(id)));
    }

    /** Answers every DASH question: the first {@code yes} YES, the rest NO. */
    private void answerDash(UUID id, int yes) throws Exception {
        Instrument dash = rules.instruments().latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
        for (Instrument.Section section : dash.sections()) {
            MockHttpServletRequestBuilder request = form(id, "/dash/" + section.id());
            for (Instrument.Question q : dash.questionsIn(section.id())) {
                request.param("q" + q.number(), q.number() <= yes ? "YES" : "NO");
            }
            mvc.perform(request).andExpect(redirectedUrl("/risk-assessments/" + id));
        }
    }

    /** Saves the three "about the case" parts with no children and a standard incident. */
    private void aboutTheCase(UUID id) throws Exception {
        mvc.perform(form(id, "/people").param("victimAgeYears", "31")).andExpect(redirectedUrl("/risk-assessments/" + id));
        mvc.perform(form(id, "/children")).andExpect(redirectedUrl("/risk-assessments/" + id));
        mvc.perform(form(id, "/incident").param("severity", "STANDARD")).andExpect(redirectedUrl("/risk-assessments/" + id));
    }

    private void judge(UUID id) throws Exception {
        mvc.perform(form(id, "/judgement").param("assessedRiskLevel", "FROM_SCORE")
                        .param("professionalJudgementSeriousConcern", "no"))
                .andExpect(redirectedUrl("/risk-assessments/" + id));
    }

    @Test
    void aCompletedAssessmentRecommendsMaracAndKeepsItsResultAndWording() throws Exception {
        UUID id = start(police, "Jane Test " + System.nanoTime());
        aboutTheCase(id);
        mvc.perform(form(id, "/people").param("victimAgeYears", "31").param("perpetratorAgeYears", "35"))
                .andExpect(redirectedUrl("/risk-assessments/" + id));
        answerDash(id, 15);
        judge(id);
        mvc.perform(form(id, "/complete")).andExpect(redirectedUrl("/risk-assessments/" + id + "/result"));

        mvc.perform(get("/risk-assessments/" + id + "/result").session(police))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Refer the victim to the MARAC")))
                .andExpect(content().string(containsString("R1")))
                .andExpect(content().string(containsString("15 of 24")));
        assertThat(jdbc.sql("select result -> 'evaluation' ->> 'riskLevel' from risk_assessment where id = ?")
                .param(id).query(String.class).single()).isEqualTo("HIGH");

        // The page shows the wording the questions had when answered, not today's.
        jdbc.sql("""
                update risk_assessment set questions_snapshot = jsonb_set(questions_snapshot, '{0,label}', '"Wording of the day"')
                 where id = ?""").param(id).update();
        mvc.perform(get("/risk-assessments/" + id + "/result").session(police))
                .andExpect(content().string(containsString("Wording of the day")));
    }

    @Test
    void everyPageOfAnAssessmentRenders() throws Exception {
        mvc.perform(get("/risk-assessments").session(police)).andExpect(status().isOk());
        mvc.perform(get("/risk-assessments/new").session(police)).andExpect(status().isOk());
        UUID id = start(police, "Pages " + System.nanoTime());
        mvc.perform(form(id, "/people").param("victimPregnant", "yes")).andExpect(status().is3xxRedirection());
        for (String page : new String[] {"", "/people", "/children", "/incident", "/dash/current-situation",
                "/dash/person-causing-harm", "/supplement/s-dash", "/matrix", "/judgement", "/check"}) {
            mvc.perform(get("/risk-assessments/" + id + page).session(police))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Pages ")));
        }
        mvc.perform(get("/risk-assessments/" + id + "/dash/no-such-section").session(police))
                .andExpect(status().isNotFound());
        mvc.perform(get("/risk-assessments/" + id + "/supplement/dash-ric").session(police))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAssessmentCannotBeCompletedWithUnansweredQuestions() throws Exception {
        UUID id = start(police, "Partial " + System.nanoTime());
        judge(id);
        mvc.perform(form(id, "/complete"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#dash-current-situation\"")));
        assertThat(jdbc.sql("select status from risk_assessment where id = ?").param(id).query(String.class).single())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void anotherAgencysAssessmentDoesNotExistForYouAndTheAttemptIsAudited() throws Exception {
        UUID id = start(police, "Private " + System.nanoTime());
        MockHttpSession school = SignedIn.as(mvc, "demo.school");
        long before = data.lastAuditId();
        mvc.perform(get("/risk-assessments/" + id).session(school)).andExpect(status().isNotFound());
        mvc.perform(post("/risk-assessments/" + id + "/people").session(school).with(csrf())
                        .param("version", Integer.toString(version(id))).param("victimAgeYears", "99"))
                .andExpect(status().isNotFound());
        for (String page : new String[] {"/result", "/check", "/children", "/dash/current-situation"}) {
            mvc.perform(get("/risk-assessments/" + id + page).session(school)).andExpect(status().isNotFound());
        }
        for (String page : new String[] {"/complete", "/decisions", "/children/0/remove", "/judgement"}) {
            mvc.perform(post("/risk-assessments/" + id + page).session(school).with(csrf())
                    .param("version", Integer.toString(version(id)))).andExpect(status().isNotFound());
        }
        String refused = mvc.perform(get("/risk-assessments/" + id).session(school)).andReturn().getResponse()
                .getContentAsString();
        String missing = mvc.perform(get("/risk-assessments/" + UUID.randomUUID()).session(school)).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).isEqualTo(missing).doesNotContain("Private ");
        assertThat(data.auditSince(before)).filteredOn(row -> "REFUSED".equals(row.get("outcome")))
                .extracting(row -> row.get("object_id")).contains(id.toString());
        assertThat(jdbc.sql("select facts ->> 'victimAgeYears' from risk_assessment where id = ?").param(id)
                .query(String.class).optional().orElse(null)).isNull();
    }

    @Test
    void aPageReadBeforeSomeoneElseSavedDoesNotOverwriteTheirWork() throws Exception {
        UUID id = start(police, "Concurrent " + System.nanoTime());
        int stale = version(id);
        mvc.perform(form(id, "/people").param("victimAgeYears", "40")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/risk-assessments/" + id + "/people").session(police).with(csrf())
                        .param("version", Integer.toString(stale)).param("victimAgeYears", "22"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed by someone else")));
        assertThat(jdbc.sql("select facts ->> 'victimAgeYears' from risk_assessment where id = ?").param(id)
                .query(String.class).single()).isEqualTo("40");
    }

    @Test
    void badInputShowsTheErrorSummaryAndSavesNothing() throws Exception {
        UUID id = start(police, "Typo " + System.nanoTime());
        mvc.perform(form(id, "/people").param("victimAgeYears", "thirty").param("perpetratorMappaLevel", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#victimAgeYears\"")))
                .andExpect(content().string(containsString("href=\"#perpetratorMappaLevel\"")))
                .andExpect(content().string(containsString("value=\"thirty\"")));
        assertThat(jdbc.sql("select facts -> 'sectionsDone' from risk_assessment where id = ?").param(id)
                .query(String.class).single()).doesNotContain("people");
        mvc.perform(post("/risk-assessments/new").session(police).with(csrf()).param("victimReference", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the victim")));
    }

    @Test
    void decliningARequiredActionNeedsARecordedRationale() throws Exception {
        UUID id = start(police, "Decisions " + System.nanoTime());
        aboutTheCase(id);
        answerDash(id, 2);
        judge(id);
        mvc.perform(form(id, "/complete")).andExpect(status().is3xxRedirection());

        long before = data.lastAuditId();
        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf())
                        .param("decisionsSeen", "0")
                        .param("decision-CONSULT_EXISTING_RECORDS", "WILL_TAKE")
                        .param("decision-SAFETY_PLAN", "WILL_NOT_TAKE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#rationale-SAFETY_PLAN\"")));
        assertThat(data.count("risk_action_decision where assessment_id = '" + id + "'")).isZero();

        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf())
                        .param("decisionsSeen", "0")
                        .param("decision-CONSULT_EXISTING_RECORDS", "WILL_TAKE")
                        .param("decision-SAFETY_PLAN", "WILL_NOT_TAKE")
                        .param("rationale-SAFETY_PLAN", "The IDVA already made a safety plan with her yesterday."))
                .andExpect(redirectedUrl("/risk-assessments/" + id + "/result"));
        assertThat(jdbc.sql("select rationale from risk_action_decision where assessment_id = ? and action_code = 'SAFETY_PLAN'")
                .param(id).query(String.class).single()).startsWith("The IDVA already");
        assertThat(data.auditSince(before)).filteredOn(row -> "DECIDE_ACTION".equals(row.get("action"))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aChangedDecisionKeepsTheEarlierOneAsHistoryAndAStalePageIsRefused() throws Exception {
        UUID id = start(police, "History " + System.nanoTime());
        aboutTheCase(id);
        answerDash(id, 0);
        judge(id);
        mvc.perform(form(id, "/complete")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf()).param("decisionsSeen", "0")
                        .param("decision-CONSULT_EXISTING_RECORDS", "WILL_TAKE")
                        .param("decision-SAFETY_PLAN", "WILL_NOT_TAKE").param("rationale-SAFETY_PLAN", "She has a plan with the IDVA already."))
                .andExpect(status().is3xxRedirection());
        // A second page, opened before that save, must not overwrite it.
        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf()).param("decisionsSeen", "0")
                        .param("decision-CONSULT_EXISTING_RECORDS", "WILL_TAKE")
                        .param("decision-SAFETY_PLAN", "WILL_TAKE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else recorded decisions")));
        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf()).param("decisionsSeen", "2")
                        .param("decision-CONSULT_EXISTING_RECORDS", "WILL_TAKE")
                        .param("decision-SAFETY_PLAN", "WILL_TAKE"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                select decision || ':' || (superseded_at is not null) from risk_action_decision
                 where assessment_id = ? and action_code = 'SAFETY_PLAN' order by id""").param(id).query(String.class).list())
                .containsExactly("WILL_NOT_TAKE:true", "WILL_TAKE:false");
    }

    @Test
    void anAssessmentAboutAPersonUsesTheCalloutsInEveryLinkedRecord() throws Exception {
        String json = "{\"givenName\":\"Rosa\",\"familyName\":\"Ww" + System.nanoTime() + "\"}";
        String body = mvc.perform(post("/api/v1/people").with(httpBasic("demo.police", "demo"))
                .contentType("application/json").content(json)).andReturn().getResponse().getContentAsString();
        UUID person = UUID.fromString(body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        for (int months : new int[] {1, 4, 9}) {
            mvc.perform(post("/api/v1/incidents").with(httpBasic("demo.police", "demo")).contentType("application/json")
                    .content("""
                            {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"}]}"""
                            .formatted(today.minusMonths(months), person)))
                    .andExpect(status().isCreated());
        }
        String location = mvc.perform(post("/risk-assessments/new").session(police).with(csrf())
                        .param("victimReference", "Rosa").param("personId", person.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/risk-assessments/" + id + "/incident").session(police))
                // Three recorded, plus the incident this assessment is about.
                .andExpect(content().string(containsString("4</span> incidents")));
        aboutTheCase(id);
        answerDash(id, 2);
        judge(id);
        mvc.perform(form(id, "/complete")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select result -> 'evaluation' -> 'maracCriteria' ->> 0 from risk_assessment where id = ?")
                .param(id).query(String.class).single()).isEqualTo("POTENTIAL_ESCALATION");
    }

    @Test
    void anAssessmentCannotBeAboutAnotherAgencysPerson() throws Exception {
        String body = mvc.perform(post("/api/v1/people").with(httpBasic("demo.health", "demo"))
                .contentType("application/json").content("{\"givenName\":\"Ola\"}")).andReturn().getResponse().getContentAsString();
        UUID theirs = UUID.fromString(body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        long assessments = data.count("risk_assessment");
        mvc.perform(post("/risk-assessments/new").session(police).with(csrf())
                        .param("victimReference", "Ola").param("personId", theirs.toString()))
                .andExpect(status().isNotFound());
        assertThat(data.count("risk_assessment")).isEqualTo(assessments);
    }

    @Test
    void decisionsBeforeCompletionGoBackToCheckYourAnswers() throws Exception {
        UUID id = start(police, "Early " + System.nanoTime());
        mvc.perform(post("/risk-assessments/" + id + "/decisions").session(police).with(csrf()).param("decisionsSeen", "0"))
                .andExpect(redirectedUrl("/risk-assessments/" + id + "/check"));
    }

    @Test
    void anAssessmentCannotBeCompletedWithoutRecordingTheChildren() throws Exception {
        UUID id = start(police, "No children page " + System.nanoTime());
        mvc.perform(form(id, "/people")).andExpect(status().is3xxRedirection());
        mvc.perform(form(id, "/incident")).andExpect(status().is3xxRedirection());
        answerDash(id, 3);
        judge(id);
        mvc.perform(form(id, "/complete"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#children\"")));
    }

    @Test
    void anAdministrationOnlyAccountHasNoAccessToAssessments() throws Exception {
        MockHttpSession admin = SignedIn.as(mvc, "demo.admin");
        mvc.perform(get("/risk-assessments").session(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/risk-assessments/new").session(admin).with(csrf()).param("victimReference", "X"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCompletedAssessmentCannotBeChanged() throws Exception {
        UUID id = start(police, "Frozen " + System.nanoTime());
        mvc.perform(form(id, "/children")).andExpect(status().is3xxRedirection());
        mvc.perform(form(id, "/incident")).andExpect(status().is3xxRedirection());
        mvc.perform(form(id, "/people")).andExpect(status().is3xxRedirection());
        answerDash(id, 0);
        judge(id);
        mvc.perform(form(id, "/complete")).andExpect(status().is3xxRedirection());
        mvc.perform(form(id, "/people").param("victimAgeYears", "50"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("can no longer be changed")));
        assertThat(jdbc.sql("select facts ->> 'victimAgeYears' from risk_assessment where id = ?").param(id)
                .query(String.class).optional().orElse(null)).isNull();
    }
}
