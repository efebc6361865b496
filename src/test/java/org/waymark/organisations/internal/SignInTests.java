package org.waymark.organisations.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.organisations.Role;
import org.waymark.organisations.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    @Test
    void anonymousApiCallsGetProblemJson401() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anonymousPageRequestsGoToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void signInPageNeedsNoSignIn() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in to Waymark")));
    }

    @Test
    void signingInIsAuditedAndShowsTheHomePage() throws Exception {
        long before = data.lastAuditId();
        MvcResult result = mvc.perform(formLogin("/sign-in").user("demo.police").password("demo"))
                .andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wrekin Vale Police")));

        List<Map<String, Object>> rows = data.auditSince(before);
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("SIGN_IN");
            assertThat(row.get("outcome")).isEqualTo("ALLOWED");
            assertThat(row.get("actor_username")).isEqualTo("demo.police");
            assertThat(row.get("client_address")).isNotNull();
        });
    }

    @Test
    void anApiCallSignedInWithHttpBasicIsAuditedAsASignIn() throws Exception {
        long before = data.lastAuditId();
        mvc.perform(get("/api/v1/me").with(httpBasic("demo.health", "demo"))).andExpect(status().isOk());
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("SIGN_IN");
            assertThat(row.get("actor_username")).isEqualTo("demo.health");
            assertThat(String.valueOf(row.get("details"))).contains("HTTP_BASIC");
        });
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        long before = data.lastAuditId();
        mvc.perform(formLogin("/sign-in").user("demo.police").password("not-the-password"))
                .andExpect(redirectedUrl("/sign-in?error"));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("SIGN_IN");
            assertThat(row.get("outcome")).isEqualTo("FAILED");
            assertThat(row.get("actor_username")).isEqualTo("demo.police");
        });
    }

    @Test
    void anUnknownUsernameIsAuditedWithoutStoringWhatWasTyped() throws Exception {
        long before = data.lastAuditId();
        mvc.perform(formLogin("/sign-in").user("MyS3cretPassw0rd!").password("x"))
                .andExpect(redirectedUrl("/sign-in?error"));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("SIGN_IN");
            assertThat(row.get("outcome")).isEqualTo("FAILED");
            assertThat(row.get("actor_username")).isNull();
        });
        assertThat(data.auditSince(before).toString()).doesNotContain("MyS3cretPassw0rd!");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFormAndApiAlike() throws Exception {
        String username = "lockout." + UUID.randomUUID().toString().substring(0, 8);
        UUID agency = jdbc.sql("select id from agency where name = 'Wrekin Vale Police'").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into app_user (id, username, display_name, agency_id, password_hash) values (?, ?, ?, ?, ?)")
                .params(id, username, "Lockout Test", agency, passwords.encode("correct horse battery")).update();
        jdbc.sql("insert into app_user_role (user_id, role) values (?, 'PRACTITIONER')").param(id).update();

        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/sign-in").user(username).password("wrong " + i))
                    .andExpect(redirectedUrl("/sign-in?error"));
        }
        // Locked: even the right password fails, with the same answer as a wrong one.
        mvc.perform(formLogin("/sign-in").user(username).password("correct horse battery"))
                .andExpect(redirectedUrl("/sign-in?error"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "correct horse battery")))
                .andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/users/" + id + "/unlock").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "correct horse battery")))
                .andExpect(status().isOk());
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        String username = "changer." + UUID.randomUUID().toString().substring(0, 8);
        UUID agency = jdbc.sql("select id from agency where name = 'Haven IDVA Service'").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into app_user (id, username, display_name, agency_id, password_hash) values (?, ?, ?, ?, ?)")
                .params(id, username, "Changer", agency, passwords.encode("initial password 1")).update();
        jdbc.sql("insert into app_user_role (user_id, role) values (?, 'IDVA')").param(id).update();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/sign-in").user(username).password("initial password 1"))
                .andReturn().getRequest().getSession(false);

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "wrong").param("newPassword", "a brand new secret").param("confirmPassword", "a brand new secret"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"#currentPassword\"")));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "initial password 1"))).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "initial password 1").param("newPassword", "a brand new secret")
                        .param("confirmPassword", "a brand new secret"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "initial password 1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "a brand new secret"))).andExpect(status().isOk());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MvcResult result = mvc.perform(formLogin("/sign-in").user("demo.idva").password("demo")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(post("/sign-out").session(session).with(csrf()))
                .andExpect(redirectedUrl("/sign-in?signed-out"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void formPostsWithoutACsrfTokenAreRefused() throws Exception {
        MvcResult result = mvc.perform(formLogin("/sign-in").user("demo.admin").password("demo")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        long agencies = data.count("agency");
        mvc.perform(post("/admin/agencies/new").session(session)
                        .param("name", "Forged Agency").param("type", "HOUSING"))
                .andExpect(status().isForbidden());
        assertThat(data.count("agency")).isEqualTo(agencies);
    }

    @Test
    void cachedBasicCredentialsCannotBeUsedForAForgedBodylessPost() throws Exception {
        UUID someone = data.userId("demo.police");
        mvc.perform(post("/api/v1/users/" + someone + "/unlock").with(httpBasic("demo.admin", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/" + someone + "/unlock").with(httpBasic("demo.admin", "demo"))
                        .contentType("text/plain").content("x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void browsersAreNotAskedForBasicCredentials() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/me").header("Accept", "text/html,application/xhtml+xml"))
                .andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void aBrowserSessionCannotBeUsedToForgeApiWrites() throws Exception {
        MvcResult result = mvc.perform(formLogin("/sign-in").user("demo.admin").password("demo")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        long agencies = data.count("agency");
        mvc.perform(post("/api/v1/agencies").session(session)
                        .contentType("application/json").content("{\"name\":\"Forged Agency\",\"type\":\"HOUSING\"}"))
                .andExpect(status().isForbidden());
        assertThat(data.count("agency")).isEqualTo(agencies);
    }
}
