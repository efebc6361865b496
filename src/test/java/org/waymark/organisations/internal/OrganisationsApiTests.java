package org.waymark.organisations.internal;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class OrganisationsApiTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void meShowsTheUsersAgencyAndRoles() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("demo.school", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyName").value("Millbrook Primary School"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("SAFEGUARDING_LEAD")));
    }

    @Test
    void anAdministratorAddsAnAgencyAndTheWriteIsAudited() throws Exception {
        long before = data.lastAuditId();
        String name = unique("Vale Housing");
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\":\"" + name + "\",\"type\":\"HOUSING\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/agencies/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.type").value("HOUSING"));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("CREATE_AGENCY");
            assertThat(row.get("outcome")).isEqualTo("ALLOWED");
            assertThat(row.get("actor_username")).isEqualTo("demo.admin");
        });
        mvc.perform(get("/api/v1/agencies").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].name", hasItem(name)));
    }

    @Test
    void aRefusedRequestChangesNothingAndIsAudited() throws Exception {
        long agencies = data.count("agency");
        long users = data.count("app_user");
        long before = data.lastAuditId();

        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.police", "demo"))
                        .contentType("application/json").content("{\"name\":\"Rogue Agency\",\"type\":\"HOUSING\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/users").with(httpBasic("demo.mash", "demo"))
                        .contentType("application/json").content(newUserJson("rogue.user", data.userId("demo.mash"))))
                .andExpect(status().isForbidden());

        assertThat(data.count("agency")).isEqualTo(agencies);
        assertThat(data.count("app_user")).isEqualTo(users);
        assertThat(data.auditSince(before)).filteredOn(row -> "REFUSED".equals(row.get("outcome")))
                .extracting(row -> row.get("actor_username")).contains("demo.police", "demo.mash");
    }

    @Test
    void badInputNamesEveryFieldAtFaultAndChangesNothing() throws Exception {
        long agencies = data.count("agency");
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "type")));
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\":\"X Agency\",\"type\":\"SPACESHIP\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\":\"Wrekin Vale Police\",\"type\":\"POLICE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(data.count("agency")).isEqualTo(agencies);
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() throws Exception {
        mvc.perform(post("/api/v1/agencies").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("{\"name\":\"Typo Agency\",\"type\":\"HOUSING\",\"activ\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("activ"));
    }

    @Test
    void anAdministratorAddsAUserWhoCanThenSignIn() throws Exception {
        String username = "new.user." + UUID.randomUUID().toString().substring(0, 6);
        UUID agencyId = agencyOf("demo.school");
        mvc.perform(post("/api/v1/users").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content(newUserJson(username, agencyId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.agencyName").value("Millbrook Primary School"))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "a long enough secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles", containsInAnyOrder("PRACTITIONER")));
    }

    @Test
    void userInputErrorsAreReportedTogether() throws Exception {
        long users = data.count("app_user");
        mvc.perform(post("/api/v1/users").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content("""
                                {"username":"Bad Name!","displayName":"","email":"not-an-email",
                                 "roles":[],"password":"short"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("username", "displayName", "email", "agencyId", "roles", "password")));
        mvc.perform(post("/api/v1/users").with(httpBasic("demo.admin", "demo"))
                        .contentType("application/json").content(newUserJson("demo.police", agencyOf("demo.police"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        assertThat(data.count("app_user")).isEqualTo(users);
    }

    @Test
    void anotherUsersAccountAnswers404AndTheAttemptIsAudited() throws Exception {
        UUID other = data.userId("demo.marac");
        long before = data.lastAuditId();
        String notFound = mvc.perform(get("/api/v1/users/" + other).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/v1/users/" + UUID.randomUUID()).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(notFound.replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(missing.replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("READ_USER");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("object_id")).isEqualTo(other.toString());
        });
        mvc.perform(get("/api/v1/users/not-a-uuid").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void usersMayReadTheirOwnAccountAndTheReadIsAudited() throws Exception {
        UUID self = data.userId("demo.police");
        long before = data.lastAuditId();
        mvc.perform(get("/api/v1/users/" + self).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("demo.police"));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("READ_USER");
            assertThat(row.get("outcome")).isEqualTo("ALLOWED");
        });
    }

    private UUID agencyOf(String username) throws Exception {
        String json = mvc.perform(get("/api/v1/me").with(httpBasic(username, "demo")))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.replaceAll(".*\"agencyId\":\"([^\"]+)\".*", "$1"));
    }

    private static String newUserJson(String username, UUID agencyId) {
        return """
                {"username":"%s","displayName":"New Person","email":"new.person@example.org",
                 "agencyId":"%s","roles":["PRACTITIONER"],"password":"a long enough secret"}"""
                .formatted(username, agencyId);
    }
}
