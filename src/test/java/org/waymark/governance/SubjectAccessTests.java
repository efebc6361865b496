package org.waymark.governance;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Subject access (issue 7 §4-5): who accessed a record, and an export of the person's data with third parties redacted. */
@WaymarkTest
class SubjectAccessTests {

    static final String REFUGE = "Flat 3, 12 Sanctuary Road";
    static final String REFUGE_POSTCODE = "WV9 8QZ";
    static final String NEW_PHONE = "07700 900877";
    static final String HIS_ADDRESS = "22 Ember Street";
    static final String HIS_PHONE = "07700 900456";
    static final String REDACTED = SubjectAccessExport.REDACTED;
    static final String WITHHELD = SubjectAccessExport.WITHHELD;

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

    /** A victim with a refuge address and new phone (restricted), the man said to cause harm, and the police incident. */
    record Family(UUID victim, UUID harm, UUID caseId, String reference, String herName, String hisName) {
    }

    Family policeCase() throws Exception {
        String herName = unique();
        String hisName = unique();
        UUID victim = person("demo.police", """
                {"givenName":"Maya","familyName":"%s","dateOfBirth":"1990-02-03","address":"%s","postcode":"%s",
                 "addressRestricted":true,"phone":"%s","phoneRestricted":true}""".formatted(herName, REFUGE,
                REFUGE_POSTCODE, NEW_PHONE));
        UUID harm = person("demo.police", """
                {"givenName":"Rokas","familyName":"%s","dateOfBirth":"1987-07-19","address":"%s","postcode":"WV1 4AA",
                 "phone":"%s"}""".formatted(hisName, HIS_ADDRESS, HIS_PHONE));
        call("demo.police", post("/api/v1/incidents").contentType("application/json").content("""
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","severity":"SERIOUS","abuseTypes":["PHYSICAL"],
                 "narrative":"Maya said Rokas %s came from %s and rang her from %s. She is now at %s.",
                 "location":"Safe house, 4 Hidden Lane","locationRestricted":true,
                 "disclosedBy":"her neighbour Olwen","whoElseKnows":["her sister Bryony"],
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"PERSON_CAUSING_HARM"}]}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/London")).minusDays(2), hisName, HIS_ADDRESS,
                        HIS_PHONE.replace(" ", ""), REFUGE, victim, harm))).andExpect(status().isCreated());
        UUID caseId = jdbc.sql("select id from dva_case where victim_person_id = ?").param(victim).query(UUID.class).single();
        String reference = jdbc.sql("select reference from dva_case where id = ?").param(caseId).query(String.class).single();
        return new Family(victim, harm, caseId, reference, herName, hisName);
    }

    static String unique() {
        return "Qx" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    UUID person(String user, String json) throws Exception {
        String body = call(user, post("/api/v1/people").contentType("application/json").content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    ResultActions call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    String json(String user, UUID person) throws Exception {
        return call(user, get("/api/v1/people/" + person + "/subject-access")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    String pdfText(String user, UUID person) throws Exception {
        byte[] pdf = call(user, get("/api/v1/people/" + person + "/subject-access.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        return text(pdf);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Whitespace-insensitive, as PDF text extraction may break a line anywhere. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void theVictimsExportGivesHerOwnDataAndRedactsTheManSaidToCauseHarmInJsonAndPdf() throws Exception {
        Family f = policeCase();
        String json = json("demo.police", f.victim());
        String pdf = pdfText("demo.police", f.victim());
        for (String output : List.of(json, pdf)) {
            assertThat(output).contains("Maya").contains(f.herName())
                    // Her own restricted details: the officer who recorded them has need to know them.
                    .contains("Sanctuary").contains("Hidden Lane")
                    .contains(REDACTED)
                    .doesNotContain(f.hisName()).doesNotContain("Rokas").doesNotContain("Ember")
                    .doesNotContain("900456").doesNotContain("1987").doesNotContain("Olwen").doesNotContain("Bryony");
        }
        assertThat(squeeze(pdf)).contains("Subjectaccessexport").contains("OFFICIAL-SENSITIVE")
                .contains("Whohasaccessedyourrecord");
        assertThat((String) JsonPath.read(json, "$.incidents[0].account")).startsWith("Maya said " + REDACTED);
        assertThat((List<String>) JsonPath.read(json, "$.incidents[0].otherPeople[*].name")).containsOnly(REDACTED);
        // Every export is a disclosure to the data subject, recorded and audited.
        assertThat(jdbc.sql("select format from subject_access_disclosure where person_id = ? order by disclosed_at")
                .param(f.victim()).query(String.class).list()).containsExactly("JSON", "PDF");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'SUBJECT_ACCESS_EXPORT' and object_id = ?
                   and outcome = 'ALLOWED' and details ->> 'recipient' = 'DATA_SUBJECT'""")
                .param(f.victim().toString()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anExportOfThePersonCausingHarmCarriesNothingOfTheVictim() throws Exception {
        Family f = policeCase();
        for (String output : List.of(json("demo.police", f.harm()), pdfText("demo.police", f.harm()))) {
            assertThat(output).contains("Rokas").contains(f.hisName()).contains(REDACTED)
                    .doesNotContain("Maya").doesNotContain(f.herName()).doesNotContain("Sanctuary")
                    .doesNotContain("8QZ").doesNotContain("900877").doesNotContain("Hidden Lane")
                    .doesNotContain("1990").doesNotContain("Olwen").doesNotContain("Bryony");
        }
        // Her account of the incident is hers, not his.
        assertThat((String) JsonPath.read(json("demo.police", f.harm()), "$.incidents[0].account")).isEqualTo(REDACTED);
    }

    @Test
    void herOwnRestrictedDetailsAreWithheldWhenTheUserHasNoNeedToKnowThem() throws Exception {
        Family f = policeCase();
        // A colleague of the recorder who is not allocated: sees the record, not its restricted details.
        String json = json("demo.police2", f.victim());
        assertThat(json).contains(f.herName()).contains(WITHHELD).doesNotContain("Sanctuary").doesNotContain("8QZ")
                .doesNotContain("900877").doesNotContain("Hidden Lane");
        assertThat((String) JsonPath.read(json, "$.incidents[0].location")).isEqualTo(WITHHELD);
        assertThat(pdfText("demo.police2", f.victim())).contains(WITHHELD).doesNotContain("Sanctuary");
    }

    @Test
    void aStrangerIsToldTheRecordDoesNotExistAndTheAttemptIsAudited() throws Exception {
        Family f = policeCase();
        long disclosures = data.count("subject_access_disclosure");
        for (String path : List.of("/subject-access", "/subject-access.pdf", "/access-report")) {
            long before = data.lastAuditId();
            call("demo.health", get("/api/v1/people/" + f.victim() + path)).andExpect(status().isNotFound());
            assertThat(data.auditSince(before)).anySatisfy(row -> {
                assertThat(row.get("outcome")).isEqualTo("REFUSED");
                assertThat(row.get("object_id")).isEqualTo(f.victim().toString());
            }).noneSatisfy(row -> {
                assertThat(row.get("outcome")).isEqualTo("ALLOWED");
                assertThat(String.valueOf(row.get("action"))).doesNotStartWith("SIGN_IN");
            });
        }
        MockHttpSession health = SignedIn.as(mvc, "demo.health");
        mvc.perform(post("/people/" + f.victim() + "/subject-access/export").param("format", "PDF").session(health)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(data.count("subject_access_disclosure")).isEqualTo(disclosures);
    }

    @Test
    void thePerpetratorSideAndBreakGlassNeverMakeAnExport() throws Exception {
        Family f = policeCase();
        UUID dvppAgency = jdbc.sql("select id from agency where name = 'Fresh Start Perpetrator Programme'").query(UUID.class).single();
        call("demo.police", post("/api/v1/cases/" + f.caseId() + "/share-decisions").contentType("application/json")
                .content("""
                        {"decision":"SHARE","withAgencyId":"%s","what":"The case","consent":"NOT_SOUGHT",
                         "lawfulBasis":"PREVENTION_OF_CRIME","rationale":"He is on the programme","basis":"REFERRED",
                         "worksWith":"PERSON_CAUSING_HARM"}""".formatted(dvppAgency))).andExpect(status().isCreated());
        call("demo.dvpp", get("/api/v1/people/" + f.harm())).andExpect(status().isOk());
        call("demo.school", post("/api/v1/cases/break-glass").contentType("application/json").content(
                "{\"reference\":\"" + f.reference() + "\",\"reason\":\"A child may be at risk today\"}"))
                .andExpect(status().isCreated());
        call("demo.school", get("/api/v1/people/" + f.victim())).andExpect(status().isOk());
        long disclosures = data.count("subject_access_disclosure");
        for (String user : List.of("demo.dvpp", "demo.school")) {
            for (UUID person : List.of(f.victim(), f.harm())) {
                for (String path : List.of("/subject-access", "/subject-access.pdf", "/access-report")) {
                    long before = data.lastAuditId();
                    String body = call(user, get("/api/v1/people/" + person + path)).andExpect(status().isForbidden())
                            .andReturn().getResponse().getContentAsString();
                    assertThat(body).doesNotContain("Sanctuary").doesNotContain("Maya").doesNotContain(f.herName());
                    assertThat(data.auditSince(before)).anySatisfy(row -> {
                        assertThat(row.get("outcome")).isEqualTo("REFUSED");
                        assertThat(row.get("object_id")).isEqualTo(person.toString());
                    });
                }
            }
        }
        assertThat(data.count("subject_access_disclosure")).isEqualTo(disclosures);
    }

    @Test
    void theAccessReportSaysWhoReadTheRecordAndWasRefusedButNotWhichSpecialistServiceHelpedHer() throws Exception {
        Family f = policeCase();
        UUID idva = jdbc.sql("select id from agency where name = 'Haven IDVA Service'").query(UUID.class).single();
        call("demo.police", post("/api/v1/cases/" + f.caseId() + "/share-decisions").contentType("application/json")
                .content("""
                        {"decision":"SHARE","withAgencyId":"%s","what":"The case","consent":"GIVEN","lawfulBasis":"CONSENT",
                         "rationale":"She wants an IDVA","basis":"REFERRED","worksWith":"VICTIM"}""".formatted(idva)))
                .andExpect(status().isCreated());
        call("demo.idva", get("/api/v1/people/" + f.victim())).andExpect(status().isOk());
        call("demo.health", get("/api/v1/people/" + f.victim())).andExpect(status().isNotFound());
        call("demo.police", get("/api/v1/people/" + f.victim() + "/access-report")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.who == 'demo.police' && @.action == 'Viewed the record')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.who == 'demo.health' && @.outcome == 'Refused')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.agency == 'Another agency' && @.who == '" + REDACTED + "')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.who == 'demo.idva')]").isEmpty())
                .andExpect(jsonPath("$[?(@.agency == 'Haven IDVA Service')]").isEmpty());
        // The IDVA service sees its own staff named.
        call("demo.idva", get("/api/v1/people/" + f.victim() + "/access-report")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.who == 'demo.idva')]").isNotEmpty());
    }

    @Test
    void thePersonPageLinksToSubjectAccessWhereTheExportIsDownloaded() throws Exception {
        Family f = policeCase();
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        assertThat(mvc.perform(get("/people/" + f.victim()).session(police)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("/people/" + f.victim() + "/subject-access");
        String page = mvc.perform(get("/people/" + f.victim() + "/subject-access").session(police))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Who has accessed this record").contains("demo.police").contains("id=\"no-disclosures\"");
        byte[] pdf = mvc.perform(post("/people/" + f.victim() + "/subject-access/export").param("format", "PDF")
                        .session(police).with(csrf())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains(f.herName()).doesNotContain(f.hisName());
        // Kept beside the browser tests' screenshots, for a person to look at.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "subject-access-export.pdf"), pdf);
        String exported = mvc.perform(post("/people/" + f.victim() + "/subject-access/export").param("format", "JSON")
                        .session(police).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(exported).contains(f.herName()).doesNotContain(f.hisName());
        assertThat(mvc.perform(get("/people/" + f.victim() + "/subject-access").session(police)).andReturn()
                .getResponse().getContentAsString()).contains("id=\"disclosures\"").contains("PDF by");
    }
}
