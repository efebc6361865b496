package org.waymark.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void otherActuatorEndpointsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("demo.police", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("demo.admin", "demo"))).andExpect(status().isOk());
    }

    @Test
    void apiDocumentationIsForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/agencies']").exists());
    }

    @Test
    void govukAssetsLoadWithoutSigningIn() throws Exception {
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/images/favicon.ico")).andExpect(status().isOk());
        mvc.perform(get("/assets/fonts/bold-b542beb274-v2.woff2")).andExpect(status().isOk());
    }

    @Test
    void theHomePageListsWhatTheUserCanDo() throws Exception {
        MockHttpSession admin = SignedIn.as(mvc, "demo.admin");
        mvc.perform(get("/").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Manage users")))
                .andExpect(content().string(containsString("Search the audit trail")));
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        mvc.perform(get("/").session(police)).andExpect(status().isOk())
                .andExpect(content().string(containsString("PC Dana Police")))
                .andExpect(content().string(not(containsString("Manage users"))));
    }

    @Test
    void pagesCarryASecurityPolicyThatForbidsFramingAndInlineScript() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void adminPagesAreRefusedToOthersWithAnAuditedForbiddenPage() throws Exception {
        MockHttpSession school = SignedIn.as(mvc, "demo.school");
        long before = data.lastAuditId();
        mvc.perform(get("/admin/users").session(school)).andExpect(status().isForbidden());
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("object_id")).isEqualTo("GET /admin/users");
        });
    }

    @Test
    void theAddAgencyFormShowsErrorsAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession admin = SignedIn.as(mvc, "demo.admin");
        long agencies = data.count("agency");
        mvc.perform(post("/admin/agencies/new").session(admin).with(csrf())
                        .param("name", "Q").param("type", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#type\"")))
                .andExpect(content().string(containsString("value=\"Q\"")));
        assertThat(data.count("agency")).isEqualTo(agencies);

        String name = "Vale Probation " + System.nanoTime();
        mvc.perform(post("/admin/agencies/new").session(admin).with(csrf())
                        .param("name", name).param("type", "PROBATION"))
                .andExpect(redirectedUrl("/admin/agencies"));
        assertThat(data.count("agency")).isEqualTo(agencies + 1);
    }

    @Test
    void theAddUserFormNeverEchoesThePassword() throws Exception {
        MockHttpSession admin = SignedIn.as(mvc, "demo.admin");
        mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", "x").param("password", "Sup3rSecretValue"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(not(containsString("Sup3rSecretValue"))));
    }

    @Test
    void anUnknownPageIsA404Page() throws Exception {
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        mvc.perform(get("/no-such-page").session(police)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/not-a-uuid").session(SignedIn.as(mvc, "demo.admin")))
                .andExpect(status().isNotFound());
    }
}
