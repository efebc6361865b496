package org.waymark.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint that takes a person, case, assessment or MARAC referral, meeting or action answers 404 to a practitioner with no relationship
 * with it, and audits the refusal. The endpoints are found from the application's own request mappings, so
 * a new endpoint is covered (or this test fails) without anyone remembering to add it.
 */
@WaymarkTest
class EveryEndpointNeedsARelationshipTests {

    /**
     * Objects that are not personal records: administration, guarded by the ADMIN role instead; the retention
     * review queue (record types, ids and rules only), guarded by the safeguarding lead and ADMIN roles;
     * schools' settings (start time, school days, closures), kept by the school's lead or an administrator;
     * and MARAC areas (meeting patterns), kept by the coordinator.
     */
    static final List<String> NOT_PERSONAL = List.of("/admin/", "/api/v1/agencies/", "/api/v1/users/",
            "/governance/retention/", "/api/v1/retention/", "/api/v1/schools/", "/schools/",
            "/api/v1/marac/areas/", "/marac/areas/");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(RequestMethod method, String pattern) {
    }

    UUID agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(UUID.class).single();
    }

    @Test
    void everyEndpointRefusesAPractitionerWithoutARelationshipWith404AndAnAuditedRefusal() throws Exception {
        data.demoPartnership();
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        String family = CaseAccessTests.unique();
        UUID victim = CaseAccessTests.createPerson(mvc, "demo.police", "{\"givenName\":\"Nia\",\"familyName\":\"" + family + "\"}");
        UUID harm = CaseAccessTests.createPerson(mvc, "demo.police", "{\"givenName\":\"Ian\",\"familyName\":\"" + family + "\"}");
        mvc.perform(post("/api/v1/incidents").contentType("application/json").with(httpBasic("demo.police", "demo"))
                .content("""
                        {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"},
                         {"personId":"%s","role":"PERSON_CAUSING_HARM"}]}""".formatted(
                        LocalDate.now(ZoneId.of("Europe/London")).minusDays(1), victim, harm)))
                .andExpect(status().isCreated());
        UUID caseId = jdbc.sql("select id from dva_case where victim_person_id = ?").param(victim).query(UUID.class).single();
        UUID incident = jdbc.sql("select incident_id from case_incident where case_id = ?").param(caseId).query(UUID.class).single();
        String location = mvc.perform(post("/risk-assessments/new").session(police).with(csrf())
                        .param("victimReference", "Nia " + family).param("profile", "national"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID assessment = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        // A police notification about a baby and a seven-year-old at school: its triage, strategy discussion and
        // school notification are records of the family too.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        UUID baby = CaseAccessTests.createPerson(mvc, "demo.police", "{\"givenName\":\"Ama\",\"familyName\":\"" + family
                + "\",\"dateOfBirth\":\"" + today.minusMonths(3) + "\"}");
        UUID pupil = CaseAccessTests.createPerson(mvc, "demo.police", "{\"givenName\":\"Kofi\",\"familyName\":\"" + family
                + "\",\"dateOfBirth\":\"" + today.minusYears(7) + "\"}");
        String childIncident = mvc.perform(post("/api/v1/incidents").contentType("application/json")
                        .with(httpBasic("demo.police", "demo")).content("""
                        {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"},
                         {"personId":"%s","role":"CHILD","experience":"PRESENT"},{"personId":"%s","role":"CHILD","experience":"HEARD"}]}"""
                        .formatted(today, victim, baby, pupil)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID school = jdbc.sql("select id from agency where name = 'Millbrook Primary School'").query(UUID.class).single();
        String notificationBody = mvc.perform(post("/api/v1/children/notifications").contentType("application/json")
                        .with(httpBasic("demo.police", "demo")).content("""
                        {"incidentId":"%s","victimPregnant":false,"children":[{"personId":"%s","livesInHousehold":true},
                         {"personId":"%s","livesInHousehold":true,"schoolAgencyId":"%s"}]}""".formatted(
                        com.jayway.jsonpath.JsonPath.read(childIncident, "$.id"), baby, pupil, school)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID notification = UUID.fromString(com.jayway.jsonpath.JsonPath.read(notificationBody, "$.id"));
        UUID strategyDiscussion = UUID.fromString(com.jayway.jsonpath.JsonPath.read(notificationBody, "$.strategyDiscussionId"));
        UUID schoolNotification = UUID.fromString(com.jayway.jsonpath.JsonPath.read(notificationBody, "$.schoolNotifications[0].id"));
        // A MARAC referral listed at a meeting of an area the stranger's agency (midwifery) is not a member of,
        // and an action from it.
        UUID maracAgency = agency("Wrekin Vale MARAC");
        String areaBody = mvc.perform(post("/api/v1/marac/areas").contentType("application/json").with(httpBasic("demo.marac", "demo"))
                .content("""
                        {"name":"%s MARAC","coordinationAgencyId":"%s","policeAgencyId":"%s","idvaAgencyId":"%s",
                         "memberAgencyIds":["%s"]}""".formatted(family, maracAgency, agency("Wrekin Vale Police"),
                        agency("Haven IDVA Service"), agency("Wrekin Vale Homes"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID area = UUID.fromString(com.jayway.jsonpath.JsonPath.read(areaBody, "$.areaId"));
        UUID adult = CaseAccessTests.createPerson(mvc, "demo.police",
                "{\"givenName\":\"Ada\",\"familyName\":\"" + family + "\",\"dateOfBirth\":\"1990-05-01\"}");
        String referralBody = mvc.perform(post("/api/v1/marac/referrals").contentType("application/json")
                .with(httpBasic("demo.police", "demo")).content("""
                        {"areaId":"%s","victimPersonId":"%s","referringOfficer":"PC Dana Police","criteria":"POTENTIAL_ESCALATION",
                         "reason":"Third call-out in a month","victimAware":true,"consent":"GIVEN",
                         "perpetrators":[{"name":"Ian %s"}]}""".formatted(area, adult, family)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID referral = UUID.fromString(com.jayway.jsonpath.JsonPath.read(referralBody, "$.id"));
        mvc.perform(post("/api/v1/marac/referrals/" + referral + "/reviews").contentType("application/json")
                .with(httpBasic("demo.marac", "demo")).content("{}")).andExpect(status().isOk());
        UUID meeting = jdbc.sql("select meeting_id from marac_referral where id = ?").param(referral).query(UUID.class).single();
        String actionBody = mvc.perform(post("/api/v1/marac/referrals/" + referral + "/actions").contentType("application/json")
                .with(httpBasic("demo.marac", "demo")).content("""
                        {"owningAgencyId":"%s","ownerName":"Hollis Housing","description":"Review her tenancy","dueDate":"%s"}"""
                        .formatted(agency("Wrekin Vale Homes"), LocalDate.now(ZoneId.of("Europe/London")).plusDays(7))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID action = UUID.fromString(com.jayway.jsonpath.JsonPath.read(actionBody, "$.actionId"));

        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{") && NOT_PERSONAL.stream().noneMatch(pattern::startsWith)) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> endpoints.add(new Endpoint(m, pattern)));
                }
            }
        }
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(40);

        MockHttpSession health = SignedIn.as(mvc, "demo.health");
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.pattern()
                    .replace("{personId}", victim.toString())
                    .replace("{linkId}", UUID.randomUUID().toString())
                    .replace("{householdId}", UUID.randomUUID().toString())
                    .replace("{relationshipId}", UUID.randomUUID().toString())
                    .replace("{index}", "0")
                    .replace("{section}", "1")
                    .replace("{instrumentId}", "s-dash");
            UUID id = path.matches("^(/api/v1)?/(children/notifications|mash/triage)/.*") ? notification
                    : path.matches("^(/api/v1)?/strategy-discussions/.*") ? strategyDiscussion
                    : path.matches("^(/api/v1)?/school-notifications/.*") ? schoolNotification
                    : path.startsWith("/marac/referrals/") || path.startsWith("/api/v1/marac/referrals/") ? referral
                    : path.startsWith("/marac/meetings/") || path.startsWith("/api/v1/marac/meetings/") ? meeting
                    : path.startsWith("/marac/actions/") || path.startsWith("/api/v1/marac/actions/") ? action
                    : path.startsWith("/risk-assessments/") ? assessment
                    : path.startsWith("/incidents/") || path.startsWith("/api/v1/incidents/") ? incident
                    : path.startsWith("/cases/") || path.startsWith("/api/v1/cases/") ? caseId : victim;
            path = path.replace("{id}", id.toString());
            assertThat(path).as("every path variable is filled in: " + endpoint).doesNotContain("{");
            MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method().name()), path);
            if (path.startsWith("/api/")) {
                request.with(httpBasic("demo.health", "demo")).header("If-Match", "\"0\"");
                if (endpoint.method() != RequestMethod.GET) {
                    request.contentType("application/json").content("{}");
                }
            } else {
                request.session(health).with(csrf());
            }
            long before = data.lastAuditId();
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            List<Map<String, Object>> audit = data.auditSince(before);
            boolean refusalAudited = audit.stream().anyMatch(row -> "REFUSED".equals(row.get("outcome")));
            boolean anythingAllowed = audit.stream().anyMatch(row -> "ALLOWED".equals(row.get("outcome"))
                    && !String.valueOf(row.get("action")).startsWith("SIGN_IN"));
            if (status != 404 || !refusalAudited || anythingAllowed) {
                failures.add(endpoint.method() + " " + endpoint.pattern() + " answered " + status
                        + (refusalAudited ? "" : ", no refusal audited") + (anythingAllowed ? ", something was allowed" : ""));
            }
        }
        assertThat(failures).as("endpoints that did not refuse properly").isEmpty();
    }
}
