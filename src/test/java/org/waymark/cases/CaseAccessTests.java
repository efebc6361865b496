package org.waymark.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Cases around a victim and the need-to-know access model built on them (issue 4 Case, issue 7 §1-3). */
@WaymarkTest
class CaseAccessTests {

    static final String REFUGE = "Flat 3, 12 Sanctuary Road";
    static final String REFUGE_POSTCODE = "WV9 8QZ";
    static final String NEW_PHONE = "07700 900877";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType("application/json").content(json).with(httpBasic(user, "demo")));
    }

    ResultActions read(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")));
    }

    static String unique() {
        return "Qx" + UUID.randomUUID().toString().replace("-", "").chars().limit(6).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    UUID person(String user, String json) throws Exception {
        return createPerson(mvc, user, json);
    }

    static UUID createPerson(MockMvc mvc, String user, String json) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/people")
                        .contentType("application/json").content(json).with(httpBasic(user, "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    /** A victim with a restricted refuge address and phone, a person causing harm, and a police incident. */
    record Family(UUID victim, UUID harm, UUID caseId, String reference) {
    }

    Family policeCase() throws Exception {
        String family = unique();
        UUID victim = person("demo.police", """
                {"givenName":"Maya","familyName":"%s","dateOfBirth":"1990-02-03","address":"%s","postcode":"%s",
                 "addressRestricted":true,"phone":"%s","phoneRestricted":true}""".formatted(family, REFUGE,
                REFUGE_POSTCODE, NEW_PHONE));
        UUID harm = person("demo.police", "{\"givenName\":\"Rob\",\"familyName\":\"" + family + "\"}");
        incident("demo.police", victim, harm, LocalDate.now(ZoneId.of("Europe/London")).minusDays(3));
        String cases = read("demo.police", "/api/v1/cases").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(cases, "$[?(@.victimPersonId == '" + victim + "')].id");
        assertThat(ids).hasSize(1);
        UUID caseId = UUID.fromString(ids.get(0));
        List<String> refs = JsonPath.read(cases, "$[?(@.victimPersonId == '" + victim + "')].reference");
        return new Family(victim, harm, caseId, refs.get(0));
    }

    void incident(String user, UUID victim, UUID harm, LocalDate when) throws Exception {
        post(user, "/api/v1/incidents", """
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","severity":"SERIOUS","abuseTypes":["PHYSICAL"],
                 "narrative":"Officers attended the call","location":"Safe house, 4 Hidden Lane","locationRestricted":true,
                 "disclosedBy":"the victim","whoElseKnows":["her sister","GP surgery"],
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"PERSON_CAUSING_HARM"}]}"""
                .formatted(when, victim, harm)).andExpect(status().isCreated());
    }

    String share(String withAgency, String worksWith, String consent, String lawfulBasis) {
        UUID agency = jdbc.sql("select id from agency where name = ?").param(withAgency).query(UUID.class).single();
        return """
                {"decision":"SHARE","withAgencyId":"%s","what":"The case and its incidents","consent":"%s",
                 "lawfulBasis":"%s","rationale":"High risk: she needs an IDVA","basis":"REFERRED","worksWith":"%s"}"""
                .formatted(agency, consent, lawfulBasis, worksWith);
    }

    @Test
    void anIncidentOpensTheVictimsCaseAndTheNextIncidentJoinsIt() throws Exception {
        Family f = policeCase();
        incident("demo.police", f.victim(), f.harm(), LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        read("demo.police", "/api/v1/cases/" + f.caseId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.reference").value(f.reference()))
                .andExpect(jsonPath("$.summary.leadAgencyName").value("Wrekin Vale Police"))
                .andExpect(jsonPath("$.relationship").value("ALLOCATED_WORKER"))
                .andExpect(jsonPath("$.people", hasSize(2)))
                .andExpect(jsonPath("$.agencies[0].basis").value("RECORDED"))
                .andExpect(jsonPath("$.chronology", hasSize(2)))
                .andExpect(jsonPath("$.whoElseKnows", org.hamcrest.Matchers.hasItems("her sister", "GP surgery")));
        assertThat(jdbc.sql("select count(*) from dva_case where victim_person_id = ?").param(f.victim())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAgencyWithNoRelationshipIsToldTheCaseAndPersonDoNotExistAndTheAttemptIsAudited() throws Exception {
        Family f = policeCase();
        long before = data.lastAuditId();
        read("demo.idva", "/api/v1/cases/" + f.caseId()).andExpect(status().isNotFound());
        read("demo.idva", "/api/v1/people/" + f.victim()).andExpect(status().isNotFound());
        String missing = read("demo.idva", "/api/v1/cases/" + UUID.randomUUID()).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        String refused = read("demo.idva", "/api/v1/cases/" + f.caseId()).andReturn().getResponse().getContentAsString();
        assertThat(refused.replaceAll("/api/v1/cases/[0-9a-f-]+", "")).isEqualTo(missing.replaceAll("/api/v1/cases/[0-9a-f-]+", ""));
        List<Map<String, Object>> audit = data.auditSince(before);
        assertThat(audit).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("READ_CASE");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("object_id")).isEqualTo(f.caseId().toString());
        });
        assertThat(audit).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("READ_PERSON");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
        });
    }

    @Test
    void sharingInvolvesTheAgencyWhichSeesThePeopleButRestrictedValuesOnlyOnceAllocated() throws Exception {
        Family f = policeCase();
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isCreated());

        read("demo.idva", "/api/v1/cases/" + f.caseId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.relationship").value("CASE_INVOLVEMENT"))
                .andExpect(jsonPath("$.sharing[0].whoElseKnows", org.hamcrest.Matchers.hasItems("her sister", "GP surgery")))
                .andExpect(jsonPath("$.chronology[0].narrative").value("Officers attended the call"));
        read("demo.idva", "/api/v1/people/" + f.victim()).andExpect(status().isOk())
                .andExpect(jsonPath("$.addressWithheld").value(true))
                .andExpect(jsonPath("$.phoneWithheld").value(true))
                .andExpect(jsonPath("$.seenAs").value("CASE_INVOLVEMENT"))
                .andExpect(content().string(not(containsString("Sanctuary"))))
                .andExpect(content().string(not(containsString(REFUGE_POSTCODE))))
                .andExpect(content().string(not(containsString("900877"))));

        UUID idva = data.userId("demo.idva");
        // Nobody allocates themselves to the restricted details; the IDVA service's lead allocates her.
        post("demo.idva", "/api/v1/cases/" + f.caseId() + "/workers",
                "{\"userId\":\"" + idva + "\",\"worksWith\":\"VICTIM\"}").andExpect(status().isForbidden());
        read("demo.idva", "/api/v1/people/" + f.victim()).andExpect(jsonPath("$.addressWithheld").value(true));
        post("demo.idvalead", "/api/v1/cases/" + f.caseId() + "/workers",
                "{\"userId\":\"" + idva + "\",\"worksWith\":\"VICTIM\"}").andExpect(status().isCreated());
        read("demo.police", "/api/v1/notifications")
                .andExpect(content().string(containsString("Ira Advocate (Haven IDVA Service) was allocated to case " + f.reference())));
        read("demo.idva", "/api/v1/people/" + f.victim()).andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value(REFUGE))
                .andExpect(jsonPath("$.phone").value(NEW_PHONE))
                .andExpect(jsonPath("$.seenAs").value("ALLOCATED_WORKER"));
    }

    @Test
    void aColleagueOfTheRecorderWhoIsNotOnTheCaseSeesWithheldNotTheValue() throws Exception {
        Family f = policeCase();
        read("demo.police", "/api/v1/people/" + f.victim()).andExpect(jsonPath("$.address").value(REFUGE));
        read("demo.police2", "/api/v1/people/" + f.victim()).andExpect(status().isOk())
                .andExpect(jsonPath("$.addressRestricted").value(true))
                .andExpect(jsonPath("$.addressWithheld").value(true))
                .andExpect(content().string(not(containsString("Sanctuary"))));
    }

    @Test
    void sharingWithoutConsentNeedsAnotherLawfulBasisAndARefusedDecisionChangesNothing() throws Exception {
        Family f = policeCase();
        long decisions = data.count("share_decision");
        long involvements = data.count("case_agency");
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "REFUSED", "CONSENT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("lawfulBasis"));
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", "{\"decision\":\"SHARE\",\"colour\":1}")
                .andExpect(status().isBadRequest());
        assertThat(data.count("share_decision")).isEqualTo(decisions);
        assertThat(data.count("case_agency")).isEqualTo(involvements);

        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "REFUSED", "VITAL_INTERESTS")).andExpect(status().isCreated());
        read("demo.idva", "/api/v1/cases/" + f.caseId()).andExpect(status().isOk());
    }

    @Test
    void aDecisionNotToShareIsRecordedWithItsReasonAndInvolvesNobody() throws Exception {
        Family f = policeCase();
        UUID school = jdbc.sql("select id from agency where name = 'Millbrook Primary School'").query(UUID.class).single();
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", """
                {"decision":"NOT_SHARE","withAgencyId":"%s","what":"The incident","consent":"REFUSED",
                 "rationale":"No children at the school; she asked us not to"}""".formatted(school))
                .andExpect(status().isCreated());
        read("demo.police", "/api/v1/cases/" + f.caseId())
                .andExpect(jsonPath("$.sharing[0].decision").value("NOT_SHARE"))
                .andExpect(jsonPath("$.sharing[0].rationale").value("No children at the school; she asked us not to"));
        read("demo.school", "/api/v1/cases/" + f.caseId()).andExpect(status().isNotFound());
    }

    @Test
    void breakGlassOpensTheCaseForALimitedTimeAndTellsTheCasesWorkers() throws Exception {
        Family f = policeCase();
        post("demo.school", "/api/v1/cases/break-glass", "{\"reference\":\"" + f.reference() + "\",\"reason\":\"short\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(jdbc.sql("select count(*) from break_glass_access where case_id = ?").param(f.caseId())
                .query(Long.class).single()).isZero();

        post("demo.school", "/api/v1/cases/break-glass", """
                {"reference":"%s","reason":"Child disclosed at school today that dad hit mum; need the case now"}"""
                .formatted(f.reference())).andExpect(status().isCreated()).andExpect(jsonPath("$.granted").value(true));
        read("demo.school", "/api/v1/cases/" + f.caseId()).andExpect(status().isOk())
                .andExpect(jsonPath("$.relationship").value("BREAK_GLASS"))
                .andExpect(jsonPath("$.breakGlass", hasSize(0)));
        read("demo.school", "/api/v1/people/" + f.victim()).andExpect(status().isOk())
                .andExpect(jsonPath("$.addressWithheld").value(true));
        read("demo.police", "/api/v1/notifications").andExpect(status().isOk())
                .andExpect(content().string(containsString("opened case " + f.reference() + " without a relationship")))
                .andExpect(content().string(not(containsString("Child disclosed at school"))));
        read("demo.police", "/api/v1/cases/" + f.caseId())
                .andExpect(jsonPath("$.breakGlass[0].userName").value("Sam School"));
        // The lead agency's safeguarding lead is told too.
        read("demo.policelead", "/api/v1/notifications")
                .andExpect(content().string(containsString("Sam School (Millbrook Primary School) opened case " + f.reference())));
        // Break-glass is for looking: it cannot pass the case on.
        post("demo.school", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isForbidden());

        jdbc.sql("update break_glass_access set granted_at = now() - interval '5 hours', expires_at = now() - interval '1 hour'"
                + " where case_id = ?").param(f.caseId()).update();
        read("demo.school", "/api/v1/cases/" + f.caseId()).andExpect(status().isNotFound());
        read("demo.school", "/api/v1/people/" + f.victim()).andExpect(status().isNotFound());
    }

    @Test
    void breakGlassTellsTheSafeguardingLeadOfTheUsersOwnAgency() throws Exception {
        String family = unique();
        UUID victim = person("demo.idva", "{\"givenName\":\"Jo\",\"familyName\":\"" + family + "\"}");
        UUID harm = person("demo.idva", "{\"givenName\":\"Kev\",\"familyName\":\"" + family + "\"}");
        incident("demo.idva", victim, harm, LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        String reference = jdbc.sql("select reference from dva_case where victim_person_id = ?").param(victim)
                .query(String.class).single();
        post("demo.police2", "/api/v1/cases/break-glass", """
                {"reference":"%s","reason":"Called to the address tonight, need history"}""".formatted(reference))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.granted").value(true));
        read("demo.policelead", "/api/v1/notifications")
                .andExpect(content().string(containsString("PC Lee Constable (Wrekin Vale Police) opened case " + reference)));
        read("demo.idva", "/api/v1/notifications")
                .andExpect(content().string(containsString("opened case " + reference)));
    }

    @Test
    void breakGlassIsNotNeededWhereTheAgencyIsAlreadyInvolved() throws Exception {
        Family f = policeCase();
        post("demo.police2", "/api/v1/cases/break-glass", """
                {"reference":"%s","reason":"Called to the address tonight, need history"}""".formatted(f.reference()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.granted").value(false));
        assertThat(jdbc.sql("select count(*) from break_glass_access where case_id = ?").param(f.caseId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theLeadAgencyChangesOnlyToAnInvolvedAgencyAndNeverOverAnotherChange() throws Exception {
        Family f = policeCase();
        UUID idvaService = jdbc.sql("select id from agency where name = 'Haven IDVA Service'").query(UUID.class).single();
        String body = "{\"leadAgencyId\":\"" + idvaService + "\"}";
        mvc.perform(put("/api/v1/cases/" + f.caseId() + "/lead-agency").contentType("application/json").content(body)
                .with(httpBasic("demo.police", "demo"))).andExpect(status().isPreconditionRequired());
        mvc.perform(put("/api/v1/cases/" + f.caseId() + "/lead-agency").header("If-Match", "\"0\"")
                .contentType("application/json").content(body).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("leadAgencyId"));
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/cases/" + f.caseId() + "/lead-agency").header("If-Match", "\"0\"")
                .contentType("application/json").content(body).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/cases/" + f.caseId() + "/lead-agency").header("If-Match", "\"0\"")
                .contentType("application/json").content(body).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isPreconditionFailed());
        read("demo.idva", "/api/v1/cases/" + f.caseId()).andExpect(jsonPath("$.summary.leadAgencyName").value("Haven IDVA Service"));
    }

    @Test
    void whomSheLivesWithHerNewNameAndAgenciesReferencesNeverReachThePerpetratorSide() throws Exception {
        Family f = policeCase();
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "PERSON_CAUSING_HARM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isCreated());
        String sisterName = "Zq" + unique();
        UUID sister = person("demo.police", "{\"givenName\":\"Rhian\",\"familyName\":\"" + sisterName + "\"}");
        post("demo.police", "/api/v1/people/" + f.victim() + "/household", "{\"otherPersonId\":\"" + sister + "\"}")
                .andExpect(status().isCreated());
        String newName = "Zq" + unique();
        post("demo.police", "/api/v1/people/" + f.victim() + "/other-names",
                "{\"kind\":\"ALIAS\",\"givenName\":\"Mia\",\"familyName\":\"" + newName + "\"}").andExpect(status().isCreated());
        post("demo.police", "/api/v1/people/" + f.victim() + "/references", "{\"reference\":\"HSG-" + newName + "\"}")
                .andExpect(status().isCreated());
        // Her own side sees them.
        read("demo.police", "/api/v1/people/" + f.victim() + "/household").andExpect(jsonPath("$", hasSize(1)));
        read("demo.police", "/api/v1/people/" + f.victim()).andExpect(jsonPath("$.aliases", hasSize(1)));

        read("demo.dvpp", "/api/v1/people/" + f.victim() + "/household").andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        read("demo.dvpp", "/api/v1/people/" + f.victim() + "/references").andExpect(jsonPath("$", hasSize(0)));
        read("demo.dvpp", "/api/v1/people/" + f.victim() + "/other-names").andExpect(jsonPath("$[?(@.kind == 'ALIAS')]", hasSize(0)));
        List<String> outputs = new java.util.ArrayList<>();
        for (String path : List.of("/api/v1/people/" + f.victim(), "/api/v1/people/" + f.victim() + "/family-timeline",
                "/api/v1/people/" + f.victim() + "/family-chronology")) {
            outputs.add(read("demo.dvpp", path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        }
        outputs.add(mvc.perform(get("/people/" + f.victim()).session(org.waymark.SignedIn.as(mvc, "demo.dvpp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(String.join("\n", outputs)).doesNotContain(sisterName).doesNotContain(newName)
                .doesNotContain(sister.toString());
    }

    @Test
    void restrictedValuesNeverReachThePerpetratorSideInAnyOutput() throws Exception {
        Family f = policeCase();
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "PERSON_CAUSING_HARM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isCreated());
        UUID dvpp = data.userId("demo.dvpp");
        post("demo.dvpp", "/api/v1/cases/" + f.caseId() + "/workers",
                "{\"userId\":\"" + dvpp + "\",\"worksWith\":\"VICTIM\"}").andExpect(status().isForbidden());
        // Even allocated to the case as if on her side, a perpetrator-programme worker is never named with need to know.
        jdbc.sql("insert into case_worker (id, case_id, user_id, works_with, allocated_by) values (?, ?, ?, 'VICTIM', ?)")
                .params(UUID.randomUUID(), f.caseId(), dvpp, data.userId("demo.police")).update();
        read("demo.dvpp", "/api/v1/cases/" + f.caseId()).andExpect(jsonPath("$.whoElseKnows", hasSize(0)))
                .andExpect(jsonPath("$.sharing", hasSize(0))).andExpect(jsonPath("$.breakGlass", hasSize(0)));
        post("demo.dvpp", "/api/v1/cases/break-glass", "{\"reference\":\"" + f.reference()
                + "\",\"reason\":\"I want to see the whole case\"}").andExpect(status().isForbidden());
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "VICTIM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("worksWith"));
        long auditBefore = data.lastAuditId();

        List<String> outputs = new java.util.ArrayList<>();
        for (String path : List.of("/api/v1/cases", "/api/v1/cases/" + f.caseId(), "/api/v1/people/" + f.victim(),
                "/api/v1/people/" + f.victim() + "/details", "/api/v1/people/" + f.victim() + "/relationships",
                "/api/v1/people/" + f.victim() + "/chronology", "/api/v1/people/" + f.victim() + "/family-chronology",
                "/api/v1/people/" + f.victim() + "/facts", "/api/v1/people/" + f.harm(),
                "/api/v1/people/" + f.harm() + "/family-chronology", "/api/v1/notifications")) {
            outputs.add(path + " " + read("demo.dvpp", path).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
        }
        // Subject access (exports and the access report) is never made by the perpetrator side: refused, audited.
        for (UUID person : List.of(f.victim(), f.harm())) {
            for (String path : List.of("/subject-access", "/subject-access.pdf", "/access-report")) {
                outputs.add(path + " " + read("demo.dvpp", "/api/v1/people/" + person + path)
                        .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
            }
        }
        // Search results and their reasons, with the refuge details typed in as a probe.
        String surname = jdbc.sql("select family_name from person where id = ?").param(f.victim()).query(String.class).single();
        outputs.add(post("demo.dvpp", "/api/v1/people/matches", """
                {"givenName":"Maya","familyName":"%s","dateOfBirth":"1990-02-03","address":"%s","postcode":"%s","phone":"%s"}"""
                .formatted(surname, REFUGE, REFUGE_POSTCODE, NEW_PHONE)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString().replace(REFUGE_POSTCODE, "(probe)"));
        // Error messages.
        outputs.add(post("demo.dvpp", "/api/v1/cases/" + f.caseId() + "/share-decisions", "{\"decision\":\"SHARE\"}")
                .andReturn().getResponse().getContentAsString());
        outputs.add(post("demo.dvpp", "/api/v1/people/" + f.victim() + "/links", "{\"otherPersonId\":\"" + f.harm() + "\"}")
                .andReturn().getResponse().getContentAsString());
        // Pages.
        org.springframework.mock.web.MockHttpSession session = org.waymark.SignedIn.as(mvc, "demo.dvpp");
        for (String path : List.of("/", "/cases", "/cases/" + f.caseId(), "/cases/" + f.caseId() + "/sharing/new",
                "/people/" + f.victim(), "/people/" + f.victim() + "/chronology",
                "/people/" + f.victim() + "/family-chronology", "/people/" + f.harm(), "/notifications")) {
            outputs.add(path + " " + mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString());
        }
        for (UUID person : List.of(f.victim(), f.harm())) {
            outputs.add(mvc.perform(get("/people/" + person + "/subject-access").session(session))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
            outputs.add(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/people/" + person + "/subject-access/export").param("format", "PDF").session(session)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        }
        outputs.add(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/people/new")
                        .session(session).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("givenName", "Maya").param("familyName", surname).param("dateOfBirth-day", "3")
                        .param("dateOfBirth-month", "2").param("dateOfBirth-year", "1990").param("action", "check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // What the audit trail holds about these reads (its views show these rows).
        outputs.add(data.auditSince(auditBefore).toString());

        assertThat(outputs).isNotEmpty().allSatisfy(output -> assertThat(output)
                .doesNotContain("Sanctuary").doesNotContain(REFUGE_POSTCODE).doesNotContain("900877")
                .doesNotContain("900 877").doesNotContain("Hidden Lane"));
        assertThat(String.join("\n", outputs)).contains("Withheld");
        // The same pages for the allocated police officer do show them: the search above could have found them.
        read("demo.police", "/api/v1/people/" + f.victim()).andExpect(content().string(containsString("Sanctuary")));
    }

    @Test
    void aWorkerAllocatedToThePersonCausingHarmIsPerpetratorSideEvenInTheVictimsAgency() throws Exception {
        Family f = policeCase();
        UUID colleague = data.userId("demo.police2");
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/workers",
                "{\"userId\":\"" + colleague + "\",\"worksWith\":\"PERSON_CAUSING_HARM\"}").andExpect(status().isCreated());
        read("demo.police2", "/api/v1/people/" + f.victim()).andExpect(jsonPath("$.addressWithheld").value(true))
                .andExpect(content().string(not(containsString("Sanctuary"))));
        read("demo.police2", "/api/v1/people/" + f.harm()).andExpect(status().isOk());
    }

    @Test
    void restrictedValuesAreSealedAtRestAndNeverInTheMatchKeys() throws Exception {
        Family f = policeCase();
        Map<String, Object> address = jdbc.sql("select * from person_address where person_id = ?").param(f.victim())
                .query().singleRow();
        assertThat(address.get("address")).isNull();
        assertThat(address.get("postcode")).isNull();
        assertThat(new String((byte[]) address.get("sealed_address"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Sanctuary");
        Map<String, Object> phone = jdbc.sql("select * from person_contact where person_id = ? and kind = 'PHONE'")
                .param(f.victim()).query().singleRow();
        assertThat(phone.get("value")).isNull();
        assertThat(phone.get("sealed_value")).isNotNull();
        Map<String, Object> incident = jdbc.sql("""
                select i.location, i.sealed_location from incident i join case_incident c on c.incident_id = i.id
                 where c.case_id = ?""").param(f.caseId()).query().singleRow();
        assertThat(incident.get("location")).isNull();
        assertThat(new String((byte[]) incident.get("sealed_location"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Hidden Lane");
        assertThat(jdbc.sql("select match_key from person_match_key where person_id = ?").param(f.victim())
                .query(String.class).list()).noneMatch(key -> key.toUpperCase().replace(" ", "").contains("WV98QZ")
                || key.contains("900877") || key.toLowerCase().contains("sanctuary"));
        // Plain text can no longer be written for a restricted value, whatever the code path.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("""
                insert into person_address (id, person_id, address, restricted) values (?, ?, 'Plain refuge', true)""")
                .params(UUID.randomUUID(), f.victim()).update())).isNotNull();
    }

    @Test
    void anIncidentShowsItsRestrictedLocationOnlyToItsRecorderAndTheAllocatedWorkers() throws Exception {
        Family f = policeCase();
        UUID incident = jdbc.sql("select incident_id from case_incident where case_id = ?").param(f.caseId())
                .query(UUID.class).single();
        String path = "/api/v1/incidents/" + incident;
        read("demo.police", path).andExpect(status().isOk()).andExpect(jsonPath("$.full").value(true))
                .andExpect(jsonPath("$.location").value("Safe house, 4 Hidden Lane"));
        read("demo.police2", path).andExpect(status().isOk()).andExpect(jsonPath("$.full").value(true))
                .andExpect(jsonPath("$.locationWithheld").value(true))
                .andExpect(content().string(not(containsString("Hidden Lane"))));
        read("demo.idva", path).andExpect(status().isNotFound());
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isCreated());
        read("demo.idva", path).andExpect(status().isOk()).andExpect(jsonPath("$.narrative").value("Officers attended the call"))
                .andExpect(jsonPath("$.locationWithheld").value(true));
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "PERSON_CAUSING_HARM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isCreated());
        read("demo.dvpp", path).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + incident).session(org.waymark.SignedIn.as(mvc, "demo.police2")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Withheld")))
                .andExpect(content().string(not(containsString("Hidden Lane"))));
    }

    @Test
    void theCaseShowsTheVictimsCompletedRiskAssessmentsButNotToThePerpetratorSide() throws Exception {
        Family f = policeCase();
        jdbc.sql("""
                insert into risk_assessment (id, agency_id, created_by, victim_reference, status, profile, instrument_id,
                                             instrument_version, questions_snapshot, result, completed_at, completed_by, person_id)
                select ?, u.agency_id, u.id, 'Maya', 'COMPLETED', 'national', 'dash-ric', '2009', '{}'::jsonb,
                       '{"evaluation":{"riskLevel":"HIGH"},"yesCount":15}'::jsonb, now(), u.id, ?
                  from app_user u where u.username = 'demo.police'""").params(UUID.randomUUID(), f.victim()).update();
        read("demo.police", "/api/v1/cases/" + f.caseId()).andExpect(jsonPath("$.assessments", hasSize(1)))
                .andExpect(jsonPath("$.assessments[0].riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.assessments[0].yesCount").value(15))
                .andExpect(jsonPath("$.assessments[0].ownAgency").value(true));
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isCreated());
        read("demo.idva", "/api/v1/cases/" + f.caseId()).andExpect(jsonPath("$.assessments[0].ownAgency").value(false));
        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "PERSON_CAUSING_HARM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isCreated());
        read("demo.dvpp", "/api/v1/cases/" + f.caseId()).andExpect(jsonPath("$.assessments", hasSize(0)));
    }

    @Test
    void addressesAndContactsKeepTheirHistoryAndRestrictedOnesAreWithheldFromThoseWithoutNeedToKnow() throws Exception {
        Family f = policeCase();
        long addresses = data.count("person_address");
        post("demo.police", "/api/v1/people/" + f.victim() + "/addresses", """
                {"address":"9 Old Street","postcode":"WV1 1AA","from":"2020-01-01","to":"2019-06-01"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        assertThat(data.count("person_address")).isEqualTo(addresses);
        post("demo.police", "/api/v1/people/" + f.victim() + "/addresses", """
                {"address":"9 Old Street","postcode":"WV1 1AA","from":"2015-01-01","to":"2025-06-01"}""")
                .andExpect(status().isCreated());
        post("demo.police", "/api/v1/people/" + f.victim() + "/contacts",
                "{\"kind\":\"EMAIL\",\"value\":\"maya.safe@example.org\",\"restricted\":true}").andExpect(status().isCreated());
        read("demo.police", "/api/v1/people/" + f.victim() + "/addresses").andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].address").value(REFUGE))
                .andExpect(jsonPath("$[1].address").value("9 Old Street"))
                .andExpect(jsonPath("$[1].to").value("2025-06-01"));
        read("demo.police2", "/api/v1/people/" + f.victim() + "/addresses")
                .andExpect(jsonPath("$[0].withheld").value(true)).andExpect(jsonPath("$[1].address").value("9 Old Street"))
                .andExpect(content().string(not(containsString("Sanctuary"))));
        read("demo.police2", "/api/v1/people/" + f.victim() + "/contacts")
                .andExpect(content().string(not(containsString("maya.safe")))).andExpect(content().string(not(containsString("900877"))));

        // Changing the optional details keeps a restricted email (only the plain one is replaced).
        mvc.perform(put("/api/v1/people/" + f.victim() + "/details").header("If-Match", "\"0\"").contentType("application/json")
                .content("{\"email\":\"maya@example.org\"}").with(httpBasic("demo.police", "demo"))).andExpect(status().isNoContent());
        read("demo.police", "/api/v1/people/" + f.victim() + "/contacts")
                .andExpect(content().string(containsString("maya.safe@example.org")))
                .andExpect(content().string(containsString("maya@example.org")));

        post("demo.police", "/api/v1/cases/" + f.caseId() + "/share-decisions", share("Fresh Start Perpetrator Programme",
                "PERSON_CAUSING_HARM", "NOT_SOUGHT", "PREVENTION_OF_CRIME")).andExpect(status().isCreated());
        post("demo.dvpp", "/api/v1/people/" + f.victim() + "/addresses", "{\"address\":\"Somewhere\"}")
                .andExpect(status().isForbidden());
        read("demo.dvpp", "/api/v1/people/" + f.victim() + "/addresses").andExpect(jsonPath("$[0].withheld").value(true));
        mvc.perform(get("/people/" + f.victim()).session(org.waymark.SignedIn.as(mvc, "demo.dvpp")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Sanctuary"))))
                .andExpect(content().string(not(containsString("maya.safe"))));
    }

    @Test
    void breakGlassIsForReadingAndCannotBeTurnedIntoATieWithTheVictim() throws Exception {
        Family f = policeCase();
        post("demo.school", "/api/v1/cases/break-glass", """
                {"reference":"%s","reason":"Child disclosed at school today"}""".formatted(f.reference()))
                .andExpect(status().isCreated());
        long workers = data.count("case_worker");
        long involvements = data.count("case_agency");
        post("demo.school", "/api/v1/cases", "{\"victimPersonId\":\"" + f.victim() + "\"}").andExpect(status().isForbidden());
        UUID own = person("demo.school", "{\"givenName\":\"Dummy\",\"familyName\":\"" + unique() + "\"}");
        post("demo.school", "/api/v1/incidents", """
                {"occurredOn":"%s","cameToLight":"THIRD_PARTY_REPORT",
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"WITNESS"}]}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/London")), own, f.victim())).andExpect(status().isForbidden());
        post("demo.school", "/api/v1/people/" + f.victim() + "/addresses", "{\"address\":\"x\"}").andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/people/" + f.victim() + "/details").header("If-Match", "\"0\"").contentType("application/json")
                .content("{\"immigrationStatus\":\"changed\"}").with(httpBasic("demo.school", "demo"))).andExpect(status().isForbidden());
        assertThat(data.count("case_worker")).isEqualTo(workers);
        assertThat(data.count("case_agency")).isEqualTo(involvements);
        read("demo.school", "/api/v1/people/" + f.victim() + "/addresses").andExpect(jsonPath("$[0].withheld").value(true));
    }

    @Test
    void aCounterAllegationDoesNotOpenTheVictimsRestrictedDetailsToTheOtherSidesWorkers() throws Exception {
        Family f = policeCase();
        // He tells the police she attacked him: his case, with her as the person said to cause harm.
        post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT",
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"PERSON_CAUSING_HARM"}]}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/London")), f.harm(), f.victim())).andExpect(status().isCreated());
        UUID hisCase = jdbc.sql("select id from dva_case where victim_person_id = ?").param(f.harm()).query(UUID.class).single();
        post("demo.police", "/api/v1/cases/" + hisCase + "/share-decisions",
                share("Haven IDVA Service", "VICTIM", "GIVEN", "CONSENT")).andExpect(status().isCreated());
        post("demo.idvalead", "/api/v1/cases/" + hisCase + "/workers",
                "{\"userId\":\"" + data.userId("demo.idva") + "\",\"worksWith\":\"VICTIM\"}").andExpect(status().isCreated());
        // His advocate sees her record (she is in his case) but never her refuge address, nor her incidents' accounts.
        read("demo.idva", "/api/v1/people/" + f.victim()).andExpect(status().isOk())
                .andExpect(jsonPath("$.addressWithheld").value(true)).andExpect(content().string(not(containsString("Sanctuary"))));
        read("demo.idva", "/api/v1/people/" + f.victim() + "/chronology")
                .andExpect(content().string(not(containsString("Officers attended the call"))));
    }
}
