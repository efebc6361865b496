package org.waymark.people.internal;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rest of the person record (issue 4): other names that matching then uses, each agency's own
 * references, households over time that feed the family chronology, and the DASH done for an incident.
 */
@WaymarkTest
class PersonRecordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private ResultActions as(String user, String method, String path, String json) throws Exception {
        var request = method.equals("POST") ? post(path).contentType("application/json").content(json) : get(path);
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    private UUID record(String user, String json) throws Exception {
        String body = as(user, "POST", "/api/v1/people", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private static String unique() {
        return "Zq" + UUID.randomUUID().toString().replace("-", "").chars().limit(7)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    private String matches(String user, String probe) throws Exception {
        return as(user, "POST", "/api/v1/people/matches", probe).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anAliasAddedAfterIntakeFindsHerUnderThatNameFromThenOn() throws Exception {
        String surname = unique();
        String alias = unique();
        UUID her = record("demo.health", """
                {"givenName":"Priya","familyName":"%s","dateOfBirth":"1991-05-14","sex":"FEMALE"}""".formatted(surname));
        String probe = """
                {"givenName":"Pam","familyName":"%s"}""".formatted(alias);
        assertThat(matches("demo.health", probe)).doesNotContain(her.toString());

        as("demo.health", "POST", "/api/v1/people/" + her + "/other-names", """
                {"kind":"ALIAS","givenName":"Pam","familyName":"%s"}""".formatted(alias)).andExpect(status().isCreated());

        assertThat(JsonPath.<String>read(matches("demo.health", probe), "$.candidates[0].personId")).isEqualTo(her.toString());
        as("demo.health", "GET", "/api/v1/people/" + her, null)
                .andExpect(jsonPath("$.aliases", hasItem("Pam " + alias)));
    }

    @Test
    void aPreviousSurnameAddedLaterFindsHerRecordedUnderHerMaidenName() throws Exception {
        String married = unique();
        String maiden = unique();
        UUID her = record("demo.health", """
                {"givenName":"Louise","familyName":"%s","dateOfBirth":"1987-11-02","sex":"FEMALE"}""".formatted(married));
        String probe = """
                {"givenName":"Louise","familyName":"%s","sex":"FEMALE"}""".formatted(maiden);
        assertThat(matches("demo.health", probe)).doesNotContain(her.toString());

        as("demo.health", "POST", "/api/v1/people/" + her + "/other-names", """
                {"kind":"PREVIOUS","familyName":"%s"}""".formatted(maiden)).andExpect(status().isCreated());

        String found = matches("demo.health", probe);
        assertThat(JsonPath.<String>read(found, "$.candidates[0].personId")).isEqualTo(her.toString());
        assertThat(JsonPath.<java.util.List<String>>read(found, "$.candidates[0].reasons[*].kind")).contains("PREVIOUS_NAME");
        as("demo.health", "GET", "/api/v1/people/" + her, null).andExpect(jsonPath("$.previousNames", hasItem(maiden)));
    }

    @Test
    void anAliasGivenAtIntakeIsKeptAndUsedForMatching() throws Exception {
        String alias = unique();
        UUID her = record("demo.health", """
                {"givenName":"Amira","familyName":"%s","aliases":["Amy %s"]}""".formatted(unique(), alias));
        as("demo.health", "GET", "/api/v1/people/" + her + "/other-names", null)
                .andExpect(jsonPath("$[0].kind").value("ALIAS"))
                .andExpect(jsonPath("$[0].givenName").value("Amy"))
                .andExpect(jsonPath("$[0].familyName").value(alias));
        assertThat(JsonPath.<String>read(matches("demo.health", """
                {"givenName":"Amy","familyName":"%s"}""".formatted(alias)), "$.candidates[0].personId")).isEqualTo(her.toString());
    }

    @Test
    void aBadOtherNameIsRefusedNamingTheFieldAndAddsNothing() throws Exception {
        UUID her = record("demo.health", """
                {"givenName":"Rose","familyName":"%s"}""".formatted(unique()));
        as("demo.health", "POST", "/api/v1/people/" + her + "/other-names", """
                {"kind":"NICKNAME","familyName":""}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("familyName")));
        as("demo.health", "POST", "/api/v1/people/" + her + "/other-names", """
                {"kind":"ALIAS","familyName":"Smith","unexpected":true}""").andExpect(status().isBadRequest());
        as("demo.health", "GET", "/api/v1/people/" + her + "/other-names", null).andExpect(jsonPath("$", hasSize(0)));
        // Another agency, with no need to know, cannot add a name to her record: 404, nothing added.
        as("demo.police", "POST", "/api/v1/people/" + her + "/other-names", """
                {"kind":"ALIAS","familyName":"Smith"}""").andExpect(status().isNotFound());
        as("demo.health", "GET", "/api/v1/people/" + her + "/other-names", null).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anAgencyFindsItsOwnRecordFromItsOwnReferenceAndNoOtherAgencyCan() throws Exception {
        UUID her = record("demo.health", """
                {"givenName":"Mary","familyName":"%s"}""".formatted(unique()));
        String reference = "MW/" + unique();
        as("demo.health", "POST", "/api/v1/people/" + her + "/references", """
                {"reference":"%s"}""".formatted(reference)).andExpect(status().isCreated());
        as("demo.health", "POST", "/api/v1/people/" + her + "/references", """
                {"reference":"%s"}""".formatted(reference))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reference"));
        as("demo.health", "POST", "/api/v1/people/" + her + "/references", """
                {"reference":"<script>"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reference"));

        as("demo.health", "GET", "/api/v1/people/by-reference?reference=" + reference, null)
                .andExpect(jsonPath("$[0].id").value(her.toString()));
        as("demo.police", "GET", "/api/v1/people/by-reference?reference=" + reference, null)
                .andExpect(jsonPath("$", hasSize(0)));
        as("demo.health", "GET", "/api/v1/people/" + her + "/references", null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].reference").value(reference))
                .andExpect(jsonPath("$[0].callersOwn").value(true));
    }

    @Test
    void someoneWhoLivesWithHerBringsTheirIncidentsIntoHerFamilyChronology() throws Exception {
        UUID mother = record("demo.police", """
                {"givenName":"Dawn","familyName":"%s"}""".formatted(unique()));
        UUID lodger = record("demo.police", """
                {"givenName":"Gail","familyName":"%s"}""".formatted(unique()));
        String narrative = "Lodger assaulted by her ex " + unique();
        as("demo.police", "POST", "/api/v1/incidents", """
                {"occurredOn":"2026-02-01","cameToLight":"POLICE_CALL_OUT","narrative":"%s",
                 "people":[{"personId":"%s","role":"VICTIM"}]}""".formatted(narrative, lodger)).andExpect(status().isCreated());
        as("demo.police", "GET", "/api/v1/people/" + mother + "/family-timeline", null)
                .andExpect(content().string(not(containsString("2026-02-01"))));

        String body = as("demo.police", "POST", "/api/v1/people/" + mother + "/household", """
                {"otherPersonId":"%s","from":"2025-09-01"}""".formatted(lodger)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String household = JsonPath.read(body, "$.householdId");
        as("demo.police", "GET", "/api/v1/people/" + mother + "/household", null)
                .andExpect(jsonPath("$[0].personId").value(lodger.toString()))
                .andExpect(jsonPath("$[0].from").value("2025-09-01"))
                .andExpect(jsonPath("$[0].to").doesNotExist());
        as("demo.police", "GET", "/api/v1/people/" + mother + "/family-timeline", null)
                .andExpect(content().string(containsString("2026-02-01")));

        // Leaving before she arrived, or in the future, is refused and changes nothing.
        as("demo.police", "POST", "/api/v1/people/" + lodger + "/household/" + household + "/leave", """
                {"to":"2025-08-01"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        as("demo.police", "POST", "/api/v1/people/" + lodger + "/household/" + household + "/leave", """
                {"to":"2999-01-01"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        as("demo.police", "GET", "/api/v1/people/" + mother + "/household", null).andExpect(jsonPath("$[0].to").doesNotExist());

        as("demo.police", "POST", "/api/v1/people/" + lodger + "/household/" + household + "/leave", """
                {"to":"2026-03-31"}""").andExpect(status().isNoContent());
        as("demo.police", "GET", "/api/v1/people/" + mother + "/household", null)
                .andExpect(jsonPath("$[0].to").value("2026-03-31"));
        as("demo.police", "POST", "/api/v1/people/" + mother + "/household", """
                {"otherPersonId":"%s"}""".formatted(mother)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("otherPersonId"));
    }

    @Test
    void anotherAgencysPersonCannotBeAddedToAHousehold() throws Exception {
        UUID mine = record("demo.police", """
                {"givenName":"Jo","familyName":"%s"}""".formatted(unique()));
        UUID theirs = record("demo.health", """
                {"givenName":"Sam","familyName":"%s"}""".formatted(unique()));
        long memberships = data.count("household_member");
        as("demo.police", "POST", "/api/v1/people/" + mine + "/household", """
                {"otherPersonId":"%s"}""".formatted(theirs)).andExpect(status().isNotFound());
        assertThat(data.count("household_member")).isEqualTo(memberships);
    }

    @Test
    void aDashStartedFromAnIncidentIsLinkedToItAndShownOnTheIncident() throws Exception {
        UUID victim = record("demo.police", """
                {"givenName":"Nadia","familyName":"%s"}""".formatted(unique()));
        UUID bystander = record("demo.police", """
                {"givenName":"Tom","familyName":"%s"}""".formatted(unique()));
        String body = as("demo.police", "POST", "/api/v1/incidents", """
                {"occurredOn":"2026-11-30","cameToLight":"POLICE_CALL_OUT",
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"WITNESS"}]}"""
                .formatted(victim, bystander)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String incident = JsonPath.read(body, "$.id");
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        mvc.perform(get("/incidents/" + incident).session(police))
                .andExpect(content().string(containsString("/risk-assessments/new?incident=" + incident + "&amp;person=" + victim)));

        // The witness is not the incident's victim: refused, nothing started.
        long assessments = data.count("risk_assessment");
        mvc.perform(post("/risk-assessments/new").session(police).with(csrf()).param("victimReference", "Tom")
                        .param("personId", bystander.toString()).param("incidentId", incident))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("not the victim in that incident")));
        assertThat(data.count("risk_assessment")).isEqualTo(assessments);

        String location = mvc.perform(post("/risk-assessments/new").session(police).with(csrf()).param("victimReference", "Nadia")
                        .param("personId", victim.toString()).param("incidentId", incident))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        as("demo.police", "GET", "/api/v1/incidents/" + incident, null)
                .andExpect(jsonPath("$.linkedRecords[0].kind").value("Risk assessment (DASH-RIC)"))
                .andExpect(jsonPath("$.linkedRecords[0].summary").value("in progress"))
                .andExpect(jsonPath("$.linkedRecords[0].href").value(location));
        // Another agency with no need to know learns nothing of the incident, let alone its DASH.
        as("demo.health", "GET", "/api/v1/incidents/" + incident, null).andExpect(status().isNotFound());
    }

    @Test
    void thePagesAddNamesReferencesAndHouseholdMembersWithAnErrorSummaryForBadInput() throws Exception {
        UUID her = record("demo.police", """
                {"givenName":"Erin","familyName":"%s"}""".formatted(unique()));
        UUID son = record("demo.police", """
                {"givenName":"Leo","familyName":"%s","dateOfBirth":"2019-04-04"}""".formatted(unique()));
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        mvc.perform(post("/people/" + her + "/other-names/new").session(police).with(csrf()).param("familyName", "Walsh"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#kind\"")));
        mvc.perform(post("/people/" + her + "/other-names/new").session(police).with(csrf())
                        .param("kind", "ALIAS").param("givenName", "Ren").param("familyName", "Walsh"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/people/" + her + "/references/new").session(police).with(csrf()).param("reference", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")));
        mvc.perform(post("/people/" + her + "/references/new").session(police).with(csrf()).param("reference", "CRIME/2026/123"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/people/" + her + "/household/new").session(police).with(csrf())
                        .param("otherPersonId", son.toString()).param("from-day", "31").param("from-month", "2").param("from-year", "2024"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("govuk-error-summary")));
        assertThat(JsonPath.<java.util.List<?>>read(as("demo.police", "GET", "/api/v1/people/" + her + "/household", null)
                .andReturn().getResponse().getContentAsString(), "$")).isEmpty();
        mvc.perform(post("/people/" + her + "/household/new").session(police).with(csrf())
                        .param("otherPersonId", son.toString()).param("from-day", "1").param("from-month", "2").param("from-year", "2024"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/people/" + her).session(police))
                .andExpect(content().string(containsString("Ren Walsh")))
                .andExpect(content().string(containsString("CRIME/2026/123")))
                .andExpect(content().string(containsString("/people/" + son)))
                .andExpect(content().string(containsString("2024-02-01")));
    }

    @Test
    void partnersWhoSeparateBecomeFormerPartnersAndTheEndIsKept() throws Exception {
        UUID her = record("demo.police", """
                {"givenName":"Anna","familyName":"%s"}""".formatted(unique()));
        UUID him = record("demo.police", """
                {"givenName":"Mark","familyName":"%s"}""".formatted(unique()));
        String body = as("demo.police", "POST", "/api/v1/people/" + her + "/relationships", """
                {"relatedPersonId":"%s","kind":"CURRENT_PARTNER"}""".formatted(him)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String relationship = JsonPath.read(body, "$.relationshipId");
        as("demo.health", "POST", "/api/v1/people/" + her + "/relationships/" + relationship + "/end", "")
                .andExpect(status().isNotFound());
        as("demo.police", "GET", "/api/v1/people/" + her + "/relationships", null)
                .andExpect(jsonPath("$[0].kind").value("CURRENT_PARTNER"));

        as("demo.police", "POST", "/api/v1/people/" + him + "/relationships/" + relationship + "/end", "")
                .andExpect(status().isNoContent());
        as("demo.police", "GET", "/api/v1/people/" + her + "/relationships", null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("FORMER_PARTNER"))
                .andExpect(jsonPath("$[0].otherPersonId").value(him.toString()));
        as("demo.police", "POST", "/api/v1/people/" + her + "/relationships/" + relationship + "/end", "")
                .andExpect(status().isNotFound());
        assertThat(JsonPath.<Integer>read(as("demo.police", "GET", "/api/v1/people/" + her + "/relationships", null)
                .andReturn().getResponse().getContentAsString(), "$.length()")).isEqualTo(1);
    }
}
