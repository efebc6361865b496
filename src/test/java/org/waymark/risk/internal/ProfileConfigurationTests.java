package org.waymark.risk.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partnership changes a rule in configuration alone: a directory of profile files replaces the
 * shipped west-midlands profile with one that escalates at 4 call-outs. No code changes.
 */
@SpringBootTest(properties = "waymark.risk.profiles-directory=src/test/resources/risk-profiles-override")
@AutoConfigureMockMvc
class ProfileConfigurationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private static final String THREE_CALLOUTS = """
            {"profile":"%s","victim":{"ageYears":34},"policeCalloutsLast12Months":3}""";

    @Test
    void anEscalationThresholdOfFourInConfigurationMeansThreeCalloutsIsNotAMaracCase() throws Exception {
        mvc.perform(post("/api/v1/evaluations").with(httpBasic("demo.police", "demo"))
                        .contentType("application/json").content(THREE_CALLOUTS.formatted("west-midlands")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[*].code", not(hasItem("REFER_MARAC"))));
        mvc.perform(post("/api/v1/evaluations").with(httpBasic("demo.police", "demo"))
                        .contentType("application/json").content(THREE_CALLOUTS.replace("3}", "4}").formatted("west-midlands")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maracCriteria[0]").value("POTENTIAL_ESCALATION"));
    }

    @Test
    void otherProfilesKeepTheShippedThresholdOfThree() throws Exception {
        mvc.perform(post("/api/v1/evaluations").with(httpBasic("demo.police", "demo"))
                        .contentType("application/json").content(THREE_CALLOUTS.formatted("solihull")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maracCriteria[0]").value("POTENTIAL_ESCALATION"));
    }
}
