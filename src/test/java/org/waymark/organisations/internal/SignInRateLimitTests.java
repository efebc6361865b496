package org.waymark.organisations.internal;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.audit.AuditOutcome;
import org.waymark.platform.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Failed sign-ins from one client address are limited, across usernames and across form and HTTP Basic. */
@WaymarkTest
class SignInRateLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    SignInThrottle throttle;

    private RateLimit configured;

    @BeforeEach
    void lowLimit() {
        data.demoPartnership();
        configured = throttle.limit();
        // A day-long window, so the test never straddles a window boundary (they fall at midnight UTC).
        throttle.limit(new RateLimit(3, Duration.ofDays(1)));
    }

    @AfterEach
    void configuredLimit() {
        throttle.limit(configured);
    }

    /** A documentation-range IPv6 address of its own, so no other test's sign-ins count against it. */
    private static String freshAddress() {
        return "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":"
                + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/sign-in").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    @Test
    void afterTooManyFailuresFromOneAddressEvenTheRightPasswordIsRefusedWith429() throws Exception {
        String address = freshAddress();
        mvc.perform(signIn("demo.police", "wrong", address)).andExpect(redirectedUrl("/sign-in?error"));
        mvc.perform(signIn("demo.health", "wrong", address)).andExpect(redirectedUrl("/sign-in?error"));
        mvc.perform(get("/api/v1/me").with(httpBasic("demo.idva", "wrong")).with(from(address)))
                .andExpect(status().isUnauthorized());
        long before = data.lastAuditId();

        String page = mvc.perform(signIn("demo.admin", "demo", address))
                .andExpect(status().isTooManyRequests())
                .andExpect(unauthenticated())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Too many sign-in attempts have failed from your network")))
                .andExpect(content().string(containsString("href=\"#username\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("demo.admin");
        assertThat(Long.parseLong(mvc.perform(signIn("demo.admin", "demo", address))
                .andReturn().getResponse().getHeader("Retry-After"))).isBetween(1L, 86_400L);

        mvc.perform(get("/api/v1/me").with(httpBasic("demo.admin", "demo")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(content().string(not(containsString("demo.admin"))));

        assertThat(data.auditSince(before)).filteredOn(row -> "SIGN_IN".equals(row.get("action"))
                        && AuditOutcome.REFUSED.name().equals(row.get("outcome")))
                .hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("actor_username")).isNull();
                    assertThat(String.valueOf(row.get("details"))).contains("TooManyFailedSignInsFromAddress");
                    assertThat(row.get("client_address")).isEqualTo(address);
                });

        // Another address is not held up, and the account itself is not locked.
        mvc.perform(signIn("demo.admin", "demo", freshAddress())).andExpect(redirectedUrl("/"));
    }

    @Test
    void successfulSignInsFromOneAddressAreNotLimited() throws Exception {
        // A whole office behind one address signs in at the start of a shift.
        String address = freshAddress();
        for (String user : new String[] {"demo.police", "demo.mash", "demo.marac", "demo.idva", "demo.school"}) {
            mvc.perform(signIn(user, "demo", address)).andExpect(redirectedUrl("/"));
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "demo")).with(from(address))).andExpect(status().isOk());
        }
    }
}
