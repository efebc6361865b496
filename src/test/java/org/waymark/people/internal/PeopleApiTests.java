package org.waymark.people.internal;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Consulting existing records across agencies through the API, with need-to-know on the results. */
@WaymarkTest
class PeopleApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private ResultActions as(String user, String method, String path, String json) throws Exception {
        var request = switch (method) {
            case "POST" -> post(path).contentType("application/json").content(json);
            case "DELETE" -> delete(path).contentType("application/json");
            default -> get(path);
        };
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    private UUID record(String user, String json) throws Exception {
        String body = as(user, "POST", "/api/v1/people", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
    }

    private static String unique() {
        return "Zq" + UUID.randomUUID().toString().replace("-", "").chars().limit(6).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    @Test
    void theSameWomanRecordedDifferentlyByAnotherAgencyIsFoundWithReasons() throws Exception {
        String surname = unique();
        record("demo.health", """
                {"givenName":"Catherine","familyName":"%s","dateOfBirth":"1990-03-07","sex":"FEMALE",
                 "address":"12 Elm Road, Wrekin","postcode":"WV1 4AA","nhsNumber":"9434765919"}""".formatted(surname));

        as("demo.police", "POST", "/api/v1/people/matches", """
                {"givenName":"Katie","familyName":"Jones","previousNames":["%s"],"dateOfBirth":"1990-07-03",
                 "sex":"FEMALE","postcode":"WV1 4AB"}""".formatted(surname))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].agencyName").value("Wrekin Vale Midwifery"))
                .andExpect(jsonPath("$.candidates[0].sameAgency").value(false))
                .andExpect(jsonPath("$.candidates[0].name").doesNotExist())
                .andExpect(jsonPath("$.candidates[0].reasons[*].kind", hasItem("NICKNAME")))
                .andExpect(jsonPath("$.candidates[0].reasons[*].kind", hasItem("SAME_DATE_OF_BIRTH")))
                .andExpect(jsonPath("$.candidates[0].reasons[*].kind", hasItem("PREVIOUS_NAME")))
                .andExpect(content().string(not(containsString("Catherine"))))
                .andExpect(content().string(not(containsString("Elm Road"))))
                .andExpect(content().string(not(containsString("9434765919"))));
    }

    @Test
    void aRestrictedAddressIsNeverEvidenceAndNeverAppearsInReasons() throws Exception {
        String surname = unique();
        record("demo.idva", """
                {"givenName":"Sunita","familyName":"%s","address":"1 Canary Close, Zedtown","postcode":"ZZ9 9ZZ",
                 "addressRestricted":true,"phone":"07700 900123","phoneRestricted":true}""".formatted(surname));

        // Someone who knows only the safe address and phone finds nothing.
        as("demo.police", "POST", "/api/v1/people/matches", """
                {"givenName":"Bob","familyName":"Unrelated","address":"1 Canary Close, Zedtown","postcode":"ZZ9 9ZZ",
                 "phone":"07700 900123"}""")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Canary"))))
                .andExpect(content().string(not(containsString("ZZ9"))));
        // Found by name, the reasons say nothing about where she lives.
        as("demo.police", "POST", "/api/v1/people/matches", """
                {"givenName":"Sunita","familyName":"%s","postcode":"ZZ9 9ZZ","phone":"07700 900123"}""".formatted(surname))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[*].reasons[*].field", everyItem(not("postcode"))))
                .andExpect(jsonPath("$.candidates[*].reasons[*].field", everyItem(not("phone"))))
                .andExpect(content().string(not(containsString("Canary"))));
    }

    @Test
    void anotherAgencysPersonAnswers404AndTheAttemptIsAudited() throws Exception {
        UUID id = record("demo.health", "{\"givenName\":\"Mira\",\"familyName\":\"" + unique() + "\"}");
        long before = data.lastAuditId();
        as("demo.school", "GET", "/api/v1/people/" + id, null).andExpect(status().isNotFound());
        as("demo.health", "GET", "/api/v1/people/" + id, null).andExpect(status().isOk());
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("object_id")).isEqualTo(id.toString());
        });
    }

    @Test
    void anotherAgencysRecordCanBeLinkedOnlyOnStrongIdentityEvidence() throws Exception {
        UUID theirs = record("demo.health", "{\"givenName\":\"Ann\",\"familyName\":\"" + unique()
                + "\",\"dateOfBirth\":\"1980-05-05\"}");
        UUID stub = record("demo.police", "{\"givenName\":\"Ann\",\"familyName\":\"" + unique() + "\"}");
        long before = data.lastAuditId();
        as("demo.police", "POST", "/api/v1/people/" + stub + "/links", "{\"otherPersonId\":\"" + theirs + "\"}")
                .andExpect(status().isBadRequest());
        as("demo.police", "GET", "/api/v1/people/" + stub + "/chronology", null).andExpect(jsonPath("$").isEmpty());
        assertThat(data.auditSince(before)).anySatisfy(row -> assertThat(row.get("outcome")).isEqualTo("REFUSED"));
    }

    @Test
    void aGuessedAddressOrPhoneNeverFindsAnotherAgencysRecord() throws Exception {
        String surname = unique();
        record("demo.health", """
                {"givenName":"Hope","familyName":"%s","dateOfBirth":"1985-01-02","address":"9 Quiet Lane, Wrekin",
                 "postcode":"WV9 9QL","phone":"07700 900555"}""".formatted(surname));
        // A name alone, or a name with a guessed address or phone, does not reveal that another agency holds her.
        as("demo.police", "POST", "/api/v1/people/matches", """
                {"givenName":"Hope","familyName":"%s","address":"9 Quiet Lane, Wrekin","postcode":"WV9 9QL",
                 "phone":"07700 900555"}""".formatted(surname))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidates").isEmpty());
        as("demo.police", "POST", "/api/v1/people/matches", """
                {"givenName":"Hope","familyName":"%s","dateOfBirth":"1985-01-02","postcode":"WV9 9QX"}""".formatted(surname))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].agencyName").value("Wrekin Vale Midwifery"))
                .andExpect(jsonPath("$.candidates[0].reasons[*].field", not(hasItem("postcode"))))
                .andExpect(content().string(not(containsString("one character"))));
    }

    @Test
    void linksAreRecordedAndCanBeUndone() throws Exception {
        String surname = unique();
        UUID theirs = record("demo.health", "{\"givenName\":\"Ann\",\"familyName\":\"" + surname
                + "\",\"dateOfBirth\":\"1979-06-01\"}");
        UUID mine = record("demo.police", "{\"givenName\":\"Anne\",\"familyName\":\"" + surname
                + "\",\"dateOfBirth\":\"1979-06-01\"}");
        String link = as("demo.police", "POST", "/api/v1/people/" + mine + "/links",
                "{\"otherPersonId\":\"" + theirs + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID linkId = UUID.fromString(link.replaceAll(".*\"linkId\":\"([^\"]+)\".*", "$1"));
        as("demo.police", "GET", "/api/v1/people/" + mine, null)
                .andExpect(jsonPath("$.links[0].otherAgencyName").value("Wrekin Vale Midwifery"))
                .andExpect(jsonPath("$.links[0].otherName").doesNotExist());
        as("demo.police", "POST", "/api/v1/people/" + mine + "/links", "{\"otherPersonId\":\"" + theirs + "\"}")
                .andExpect(status().isBadRequest());
        // The midwife cannot undo the police's link from her side.
        as("demo.health", "DELETE", "/api/v1/people/" + theirs + "/links/" + linkId, null).andExpect(status().isNotFound());
        as("demo.police", "DELETE", "/api/v1/people/" + mine + "/links/" + linkId, null).andExpect(status().isNoContent());
        as("demo.police", "GET", "/api/v1/people/" + mine, null).andExpect(jsonPath("$.links").isEmpty());
        assertThat(data.count("person_link where id = '" + linkId + "' and undone_at is not null")).isOne();
    }

    @Test
    void detailsChangeOnlyWithTheVersionReadAndNeverOverwriteAnotherChange() throws Exception {
        UUID id = record("demo.police", "{\"givenName\":\"Dina\",\"familyName\":\"" + unique() + "\"}");
        String etag = as("demo.police", "GET", "/api/v1/people/" + id + "/details", null)
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        String change = "{\"firstLanguage\":\"Polish\",\"interpreterNeeded\":true,\"noRecourseToPublicFunds\":true}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/people/" + id + "/details")
                        .contentType("application/json").content(change).with(httpBasic("demo.police", "demo")))
                .andExpect(status().is(428));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/people/" + id + "/details")
                        .header("If-Match", etag).contentType("application/json").content(change).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/people/" + id + "/details")
                        .header("If-Match", etag).contentType("application/json").content("{\"firstLanguage\":\"Welsh\"}")
                        .with(httpBasic("demo.police", "demo")))
                .andExpect(status().is(412));
        as("demo.police", "GET", "/api/v1/people/" + id + "/details", null)
                .andExpect(jsonPath("$.firstLanguage").value("Polish"))
                .andExpect(jsonPath("$.interpreterNeeded").value(true));
        as("demo.school", "GET", "/api/v1/people/" + id + "/details", null).andExpect(status().isNotFound());
    }

    @Test
    void badDetailsAreRefusedNamingEachField() throws Exception {
        long people = data.count("person");
        as("demo.police", "POST", "/api/v1/people", """
                {"givenName":" ","familyName":"","nhsNumber":"1234567890","dateOfBirth":"2999-01-01","sex":"X","colour":"red"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("colour")));
        as("demo.police", "POST", "/api/v1/people", """
                {"givenName":" ","familyName":"","nhsNumber":"1234567890","dateOfBirth":"2999-01-01","sex":"X"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("givenName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("nhsNumber")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("dateOfBirth")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sex")));
        assertThat(data.count("person")).isEqualTo(people);
    }
}
