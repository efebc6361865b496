package org.waymark.people.internal;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.platform.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Consulting existing records is limited per user, across the API and the intake page. */
@WaymarkTest
class MatchRateLimitTests {

    private static final String PROBE = """
            {"givenName":"Ottoline","familyName":"Brackenbury","dateOfBirth":"1983-05-17"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    MatchThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    private RateLimit configured;

    @BeforeEach
    void lowLimit() {
        data.demoPartnership();
        configured = throttle.limit();
        // A day-long window, so the test never straddles a window boundary (they fall at midnight UTC).
        throttle.limit(new RateLimit(3, Duration.ofDays(1)));
        forget("demo.mash");
    }

    @AfterEach
    void configuredLimit() {
        throttle.limit(configured);
        forget("demo.mash");
    }

    private void forget(String username) {
        jdbc.sql("delete from rate_limit_counter where scope = ? and subject = ?")
                .params(MatchThrottle.SCOPE, data.userId(username).toString()).update();
    }

    @Test
    void overTheLimitTheApiAnswers429ProblemJsonAndTheRefusalIsAudited() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/people/matches").with(httpBasic("demo.mash", "demo"))
                    .contentType("application/json").content(PROBE)).andExpect(status().isOk());
        }
        long before = data.lastAuditId();
        mvc.perform(post("/api/v1/people/matches").with(httpBasic("demo.mash", "demo"))
                        .contentType("application/json").content(PROBE))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(content().string(not(containsString("Ottoline"))))
                .andExpect(content().string(not(containsString("Brackenbury"))));
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("CONSULT_RECORDS");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("actor_username")).isEqualTo("demo.mash");
            assertThat(String.valueOf(row.get("details"))).contains("TooManyRequests").doesNotContain("Ottoline");
        });

        // The intake page shares the user's count, and says so in a GOV.UK error.
        MockHttpSession session = SignedIn.as(mvc, "demo.mash");
        mvc.perform(post("/people/new").session(session).with(csrf()).param("action", "check")
                        .param("givenName", "Ottoline").param("familyName", "Brackenbury"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("checked existing records many times")));

        // Another user is not held up.
        mvc.perform(post("/api/v1/people/matches").with(httpBasic("demo.police", "demo"))
                .contentType("application/json").content(PROBE)).andExpect(status().isOk());
    }

    @Test
    void recordingAPersonIsNotCountedAsConsulting() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/people").with(httpBasic("demo.mash", "demo")).contentType("application/json")
                    .content("""
                            {"givenName":"Rl%s","familyName":"Count"}""".formatted(UUID.randomUUID().toString().substring(0, 6))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/people/matches").with(httpBasic("demo.mash", "demo"))
                .contentType("application/json").content(PROBE)).andExpect(status().isOk());
    }
}
