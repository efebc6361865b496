package org.waymark.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    @Test
    void anAdministratorSearchesRefusedAccessByUser() throws Exception {
        mvc.perform(get("/api/v1/users").with(httpBasic("demo.idva", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-events").param("actor", "demo.idva").param("outcome", "REFUSED")
                        .with(httpBasic("demo.admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actorUsername").value("demo.idva"))
                .andExpect(jsonPath("$[*].outcome", everyItem(is("REFUSED"))));
    }

    @Test
    void onlyAdministratorsMaySearchAndTheAttemptIsAudited() throws Exception {
        long before = data.lastAuditId();
        mvc.perform(get("/api/v1/audit-events").with(httpBasic("demo.marac", "demo")))
                .andExpect(status().isForbidden());
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("SEARCH_AUDIT");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
        });
    }

    @Test
    void aBadFilterIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/v1/audit-events").param("outcome", "MAYBE").with(httpBasic("demo.admin", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    @Test
    void theAuditPageListsEvents() throws Exception {
        var session = SignedIn.as(mvc, "demo.admin");
        mvc.perform(get("/admin/audit").param("actor", "demo.admin").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("SEARCH_AUDIT")));
        mvc.perform(get("/admin/audit").param("date", "25/11/2026").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("govuk-error-summary")));
    }
}
