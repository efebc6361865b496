package org.waymark.risk.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/evaluations: the contract other systems and the acceptance suite call. */
@WaymarkTest
class EvaluationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private ResultActions evaluate(String json) throws Exception {
        return mvc.perform(post("/api/v1/evaluations").with(httpBasic("demo.police", "demo"))
                .contentType("application/json").content(json));
    }

    private static String dashWithYes(int yes) {
        StringBuilder answers = new StringBuilder();
        for (int q = 1; q <= 24; q++) {
            answers.append(q > 1 ? "," : "").append('"').append(q).append("\":\"").append(q <= yes ? "YES" : "NO").append('"');
        }
        return "{\"completedByPolice\":true,\"answers\":{" + answers + "}}";
    }

    @Test
    void fifteenYesAnswersIsAVisibleHighRiskMaracReferralExplainedByRuleR1() throws Exception {
        evaluate("""
                {"profile":"national","incidentDate":"2026-11-20",
                 "victim":{"ageYears":30},"perpetrator":{"ageYears":32,"mappaLevel":0},
                 "incident":{"severity":"STANDARD","criminalJusticeOutcome":"CHARGED_REMANDED"},
                 "dash":%s, "policeCalloutsLast12Months":1}""".formatted(dashWithYes(15)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile").value("national"))
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.dashYesCount").value(15))
                .andExpect(jsonPath("$.maracCriteria", containsInAnyOrder("VISIBLE_HIGH_RISK")))
                .andExpect(jsonPath("$.actions[?(@.code=='REFER_MARAC')].rules[0]").value("R1"))
                .andExpect(jsonPath("$.actions[?(@.code=='REFER_MARAC')].reasons[0]").value("VISIBLE_HIGH_RISK"))
                .andExpect(jsonPath("$.actions[?(@.code=='REFER_MARAC')].source").exists())
                .andExpect(jsonPath("$.actions[*].code", hasItem("REFER_IDVA")))
                .andExpect(jsonPath("$.actions[*].code", hasItem("CONSULT_EXISTING_RECORDS")))
                .andExpect(jsonPath("$.actions[*].code", not(hasItem("CONSIDER_DVPN"))))
                .andExpect(jsonPath("$.actions[0].childIndex").doesNotExist());
    }

    @Test
    void thirteenYesAnswersIsNotVisibleHighRisk() throws Exception {
        evaluate("{\"victim\":{\"ageYears\":30},\"dash\":" + dashWithYes(13) + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dashYesCount").value(13))
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.actions[*].code", not(hasItem("REFER_MARAC"))));
    }

    @Test
    void anEmptyRequestUsesTheDefaultsAndStillRequiresRecordsAndASafetyPlan() throws Exception {
        evaluate("{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile").value("national"))
                .andExpect(jsonPath("$.dashYesCount").doesNotExist())
                .andExpect(jsonPath("$.actions[*].code", hasItem("CONSULT_EXISTING_RECORDS")))
                .andExpect(jsonPath("$.actions[*].code", hasItem("SAFETY_PLAN")));
    }

    @Test
    void eachSchoolChildGetsItsOwnNotificationWithItsIndex() throws Exception {
        evaluate("""
                {"victim":{"ageYears":29},
                 "children":[{"ageYears":4,"livesInHousehold":true,"experiencedIncident":true,"attendsSchoolOrNursery":true},
                             {"ageYears":15,"livesInHousehold":true,"experiencedIncident":false,"attendsSchoolOrNursery":true},
                             {"ageYears":9,"livesInHousehold":true,"experiencedIncident":true,"attendsSchoolOrNursery":true}],
                 "incident":{"severity":"STANDARD"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[?(@.code=='NOTIFY_SCHOOL')]", hasSize(2)))
                .andExpect(jsonPath("$.actions[?(@.code=='NOTIFY_SCHOOL')].childIndex", containsInAnyOrder(0, 2)));
    }

    @Test
    void derbyNotifiesEverySchoolAgeChildWhetherOrNotTheyExperiencedIt() throws Exception {
        evaluate("""
                {"profile":"derby-derbyshire","victim":{"ageYears":29},
                 "children":[{"ageYears":4,"livesInHousehold":true,"experiencedIncident":true,"attendsSchoolOrNursery":true},
                             {"ageYears":15,"livesInHousehold":true,"experiencedIncident":false,"attendsSchoolOrNursery":true}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[?(@.code=='NOTIFY_SCHOOL')].childIndex", containsInAnyOrder(1)))
                .andExpect(jsonPath("$.actions[?(@.code=='NOTIFY_SCHOOL')].rules[0]").value("C3d"));
    }

    @Test
    void aStrategyDiscussionCarriesAllItsReasonsOnce() throws Exception {
        evaluate("""
                {"victim":{"ageYears":25,"pregnant":true},
                 "children":[{"ageYears":6,"livesInHousehold":true,"experiencedIncident":true,"harmed":true}],
                 "incident":{"severity":"SERIOUS","strangulation":true}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[?(@.code=='STRATEGY_DISCUSSION')]", hasSize(1)))
                .andExpect(jsonPath("$.actions[?(@.code=='STRATEGY_DISCUSSION')].reasons[*]",
                        hasItem("CHILD_HARMED")))
                .andExpect(jsonPath("$.actions[?(@.code=='STRATEGY_DISCUSSION')].reasons[*]",
                        hasItem("PREGNANT_OR_BABY_UNDER_12_MONTHS")))
                .andExpect(jsonPath("$.actions[?(@.code=='STRATEGY_DISCUSSION')].reasons[*]",
                        hasItem("SERIOUS_VIOLENCE")));
    }

    @Test
    void aVictimUnder16IsNeverReferredToMarac() throws Exception {
        evaluate("{\"victim\":{\"ageYears\":15},\"dash\":" + dashWithYes(20) + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[*].code", not(hasItem("REFER_MARAC"))))
                .andExpect(jsonPath("$.actions[*].code", hasItem("CHILD_PROTECTION_PROCESS")))
                .andExpect(jsonPath("$.actions[?(@.code=='REFER_CHILDRENS_SOCIAL_CARE')].reasons[0]").value("VICTIM_UNDER_16"));
    }

    @Test
    void everyBadFieldIsNamedInOneProblem() throws Exception {
        evaluate("""
                {"profile":"atlantis","victim":{"ageYears":-1},"perpetrator":{"mappaLevel":5},
                 "dash":{"answers":{"1":"MAYBE","25":"YES"}}}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("profile", "victim.ageYears",
                        "perpetrator.mappaLevel", "dash.answers.1", "dash.answers.25")));
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() throws Exception {
        evaluate("{\"victim\": ").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        evaluate("{\"victim\":{\"ageYears\":\"thirty\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("victim.ageYears"));
        evaluate("{\"incident\":{\"severity\":\"CATASTROPHIC\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident.severity"));
        evaluate("{\"children\":[{\"ageYears\":3},{\"ageYears\":\"x\"}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("children[1].ageYears"));
    }

    @Test
    void aMisspeltFieldIsRefusedNotSilentlyIgnored() throws Exception {
        evaluate("{\"incident\":{\"strangled\":true},\"policeCallouts\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("incident.strangled", "policeCallouts")));
    }

    @Test
    void wrongTypesInSeveralFieldsAreAllNamed() throws Exception {
        evaluate("""
                {"incidentDate":"yesterday","victim":{"ageYears":"thirty","pregnant":"perhaps"},
                 "incident":{"severity":"CATASTROPHIC"},"children":[{"ageYears":2},{"unborn":"x"}],
                 "dvrimScale":7}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("incidentDate", "victim.ageYears",
                        "victim.pregnant", "incident.severity", "children[1].unborn", "dvrimScale")));
    }

    @Test
    void aDashWithNoAnswersIsNotACompletedDash() throws Exception {
        evaluate("{\"victim\":{\"ageYears\":19},\"incident\":{\"honourBasedViolence\":true},\"dash\":{}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dashYesCount").doesNotExist())
                .andExpect(jsonPath("$.actions[?(@.code=='COMPLETE_DASH')].reasons[0]").value("HONOUR_BASED_VIOLENCE"));
    }

    @Test
    void anImplausiblyLargeHouseholdIsRefused() throws Exception {
        String child = "{\"ageYears\":5,\"livesInHousehold\":true}";
        evaluate("{\"children\":[" + String.join(",", java.util.Collections.nCopies(31, child)) + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("children"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        evaluate("[1,2]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        evaluate("{\"victim\":[]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("victim"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(post("/api/v1/evaluations").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyRoleMayEvaluate() throws Exception {
        for (String user : new String[] {"demo.school", "demo.idva", "demo.admin", "demo.health"}) {
            mvc.perform(post("/api/v1/evaluations").with(httpBasic(user, "demo"))
                            .contentType("application/json").content("{}"))
                    .andExpect(status().isOk());
        }
    }
}
