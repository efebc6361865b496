package org.waymark.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Closing a case: the lead agency, with a reason, on the version read, and never with work outstanding. */
@WaymarkTest
class CaseClosureTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private ResultActions close(String user, UUID caseId, String ifMatch, String reason) throws Exception {
        var request = post("/api/v1/cases/" + caseId + "/closure").contentType("application/json")
                .content(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}").with(httpBasic(user, "demo"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private UUID policeCase() throws Exception {
        String person = mvc.perform(post("/api/v1/people").contentType("application/json").with(httpBasic("demo.police", "demo"))
                        .content("{\"givenName\":\"Clara\",\"familyName\":\"Zq" + UUID.randomUUID().toString().substring(0, 8) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID victim = UUID.fromString(JsonPath.read(person, "$.id"));
        mvc.perform(post("/api/v1/incidents").contentType("application/json").with(httpBasic("demo.police", "demo"))
                .content("""
                        {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"}]}"""
                        .formatted(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1), victim)))
                .andExpect(status().isCreated());
        String cases = mvc.perform(get("/api/v1/cases").with(httpBasic("demo.police", "demo")))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(cases, "$[?(@.victimPersonId == '" + victim + "')].id");
        return UUID.fromString(ids.get(0));
    }

    private String caseStatus(UUID caseId) {
        return jdbc.sql("select status from dva_case where id = ?").param(caseId).query(String.class).single();
    }

    private int version(UUID caseId) {
        return jdbc.sql("select version from dva_case where id = ?").param(caseId).query(Integer.class).single();
    }

    @Test
    void theLeadAgencyClosesTheCaseWithAReasonOnTheVersionItRead() throws Exception {
        UUID caseId = policeCase();
        jdbc.sql("update task set status = 'CANCELLED', completed_at = now() where case_id = ? and status = 'OPEN'")
                .param(caseId).update();
        int version = version(caseId);

        close("demo.police", caseId, null, "Support completed and she is safe").andExpect(status().is(428));
        close("demo.police", caseId, "\"" + version + "\"", "short")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        close("demo.police", caseId, "\"" + (version + 5) + "\"", "Support completed and she is safe")
                .andExpect(status().isPreconditionFailed());
        // Another agency with no relationship to the case learns nothing of it.
        close("demo.health", caseId, "\"" + version + "\"", "Support completed and she is safe").andExpect(status().isNotFound());
        assertThat(caseStatus(caseId)).isEqualTo("OPEN");
        assertThat(version(caseId)).isEqualTo(version);

        close("demo.police", caseId, "\"" + version + "\"", "Support completed and she is safe").andExpect(status().isNoContent());
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select closure_reason from dva_case where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("Support completed and she is safe");
        close("demo.police", caseId, "\"" + version(caseId) + "\"", "Support completed and she is safe")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("This case is already closed"));
    }

    @Test
    void aCaseWithAnOpenTaskIsNotClosed() throws Exception {
        UUID caseId = policeCase();
        UUID police = jdbc.sql("select agency_id from app_user where username = 'demo.police'").query(UUID.class).single();
        jdbc.sql("""
                insert into task (id, kind, title, subject_type, subject_id, case_id, owner_agency_id, due_at)
                values (?, 'MARAC_REVIEW_POLICE', 'Public protection review', 'CASE', ?, ?, ?, now() + interval '1 day')""")
                .params(UUID.randomUUID(), caseId, caseId, police).update();
        close("demo.police", caseId, "\"" + version(caseId) + "\"", "Support completed and she is safe")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("still open on this case")));
        assertThat(caseStatus(caseId)).isEqualTo("OPEN");

        // The page shows the same as a GOV.UK error summary.
        var session = SignedIn.as(mvc, "demo.police");
        mvc.perform(post("/cases/" + caseId + "/closure").session(session).with(csrf())
                        .param("version", Integer.toString(version(caseId))).param("reason", "Support completed and she is safe"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("still open on this case")));
        assertThat(caseStatus(caseId)).isEqualTo("OPEN");
    }
}
