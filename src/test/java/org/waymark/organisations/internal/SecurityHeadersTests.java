package org.waymark.organisations.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security headers on pages and on API answers, and HSTS only where the request came over TLS. */
@WaymarkTest
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private static void common(ResultActions result) throws Exception {
        result.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY))
                .andExpect(header().string("Permissions-Policy", allOf(containsString("camera=()"),
                        containsString("geolocation=()"), containsString("microphone=()"))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void pagesSendTheStrictPolicyAndNoHstsOverPlainHttp() throws Exception {
        MockHttpSession session = SignedIn.as(mvc, "demo.police");
        for (ResultActions result : new ResultActions[] {mvc.perform(get("/").session(session)), mvc.perform(get("/sign-in"))}) {
            result.andExpect(status().isOk());
            common(result);
            result.andExpect(header().string("Content-Security-Policy", allOf(
                            containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
                            containsString("object-src 'none'"), not(containsString("unsafe-inline")),
                            not(containsString("unsafe-eval")))))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }
    }

    @Test
    void apiAnswersSendTheHeadersTooWithANothingLoadsPolicy() throws Exception {
        ResultActions ok = mvc.perform(get("/api/v1/me").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk());
        common(ok);
        ok.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        // Errors too, including the 401 written before any controller runs.
        common(mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()));
    }

    @Test
    void hstsOnlyWhenTheRequestIsSecure() throws Exception {
        MockHttpSession session = SignedIn.as(mvc, "demo.police");
        mvc.perform(get("/").secure(true).session(session))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/api/v1/me").secure(true).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/sign-in").secure(true)).andExpect(header().exists("Strict-Transport-Security"));
    }
}
