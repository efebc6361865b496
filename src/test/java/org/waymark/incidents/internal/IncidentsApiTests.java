package org.waymark.incidents.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Incidents, the chronology across linked records, and the facts derived from them. */
@WaymarkTest
class IncidentsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType("application/json").content(json).with(httpBasic(user, "demo")));
    }

    private UUID person(String user, String given) throws Exception {
        return person(user, given, "Tz" + UUID.randomUUID().toString().replace("-", "").chars().limit(5).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append), null);
    }

    private UUID person(String user, String given, String family, String dateOfBirth) throws Exception {
        String body = post(user, "/api/v1/people", "{\"givenName\":\"" + given + "\",\"familyName\":\"" + family
                + "\"" + (dateOfBirth == null ? "" : ",\"dateOfBirth\":\"" + dateOfBirth + "\"") + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
    }

    private void incident(String user, UUID victim, UUID harm, LocalDate when, String how, String narrative) throws Exception {
        String people = "[{\"personId\":\"" + victim + "\",\"role\":\"VICTIM\"}"
                + (harm == null ? "" : ",{\"personId\":\"" + harm + "\",\"role\":\"PERSON_CAUSING_HARM\"}") + "]";
        post(user, "/api/v1/incidents", """
                {"occurredOn":"%s","cameToLight":"%s","severity":"STANDARD","abuseTypes":["PHYSICAL"],
                 "narrative":"%s","people":%s}""".formatted(when, how, narrative, people))
                .andExpect(status().isCreated());
    }

    @Test
    void aVictimsChronologyAndFactsIncludeAnotherAgencysLinkedRecordWithoutItsAccount() throws Exception {
        String family = "Tz" + UUID.randomUUID().toString().replace("-", "").chars().limit(5).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        UUID midwifery = person("demo.health", "Lena", family, "1993-04-12");
        UUID police = person("demo.police", "Lena", family, "1993-04-21");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        incident("demo.health", midwifery, null, today.minusMonths(3), "PROMPTED_DISCLOSURE", "Told the midwife at booking");
        incident("demo.police", police, null, today.minusDays(2), "POLICE_CALL_OUT", "Officers attended");
        incident("demo.police", police, null, today.minusMonths(13), "POLICE_CALL_OUT", "Old call-out");

        mvc.perform(get("/api/v1/people/" + police + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.dvaIncidentsLast12Months").value(1))
                .andExpect(jsonPath("$.policeCalloutsLast12Months").value(1));

        post("demo.police", "/api/v1/people/" + police + "/links", "{\"otherPersonId\":\"" + midwifery + "\"}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/people/" + police + "/chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[*].agencyName", hasItem("Wrekin Vale Midwifery")))
                .andExpect(content().string(not(containsString("Told the midwife"))))
                .andExpect(content().string(containsString("Officers attended")));
        mvc.perform(get("/api/v1/people/" + police + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.dvaIncidentsLast12Months").value(2))
                .andExpect(jsonPath("$.policeCalloutsLast12Months").value(1));
    }

    @Test
    void aPerpetratorAgainstTwoVictimsIsSerialAndAgainstOneTwiceIsRepeat() throws Exception {
        UUID harm = person("demo.police", "Gary");
        UUID first = person("demo.police", "Amy");
        UUID second = person("demo.police", "Beth");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        incident("demo.police", first, harm, today.minusMonths(5), "POLICE_CALL_OUT", "one");
        mvc.perform(get("/api/v1/people/" + harm + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.repeatPerpetrator").value(false))
                .andExpect(jsonPath("$.serialPerpetrator").value(false));
        incident("demo.police", first, harm, today.minusMonths(1), "POLICE_CALL_OUT", "two");
        incident("demo.police", second, harm, today.minusDays(1), "POLICE_CALL_OUT", "three");
        mvc.perform(get("/api/v1/people/" + harm + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.repeatPerpetrator").value(true))
                .andExpect(jsonPath("$.serialPerpetrator").value(true));
    }

    @Test
    void harmToHisMotherTwiceIsNotRepeatButAnExPartnerAndANewPartnerMakeHimSerial() throws Exception {
        UUID harm = person("demo.police", "Wayne");
        UUID mother = person("demo.police", "Jean");
        post("demo.police", "/api/v1/people/" + harm + "/relationships",
                "{\"relatedPersonId\":\"" + mother + "\",\"kind\":\"PARENT\"}").andExpect(status().isCreated());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        incident("demo.police", mother, harm, today.minusMonths(3), "POLICE_CALL_OUT", "mother one");
        incident("demo.police", mother, harm, today.minusMonths(2), "POLICE_CALL_OUT", "mother two");
        UUID ex = person("demo.police", "Lisa");
        post("demo.police", "/api/v1/people/" + harm + "/relationships",
                "{\"relatedPersonId\":\"" + ex + "\",\"kind\":\"FORMER_PARTNER\"}").andExpect(status().isCreated());
        incident("demo.police", ex, harm, today.minusMonths(1), "POLICE_CALL_OUT", "ex");
        mvc.perform(get("/api/v1/people/" + harm + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.repeatPerpetrator").value(false))
                .andExpect(jsonPath("$.serialPerpetrator").value(false));
        // A new partner, with no relationship recorded yet: a DVA victim is taken as an intimate partner.
        incident("demo.police", person("demo.police", "Nina"), harm, today.minusDays(2), "POLICE_CALL_OUT", "new");
        mvc.perform(get("/api/v1/people/" + harm + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.serialPerpetrator").value(true));
    }

    @Test
    void twoRecordsOfTheSameVictimAreOneVictimNotTwo() throws Exception {
        UUID harm = person("demo.police", "Dean");
        UUID victim = person("demo.police", "Cara");
        UUID victimAgain = person("demo.police", "Kara");
        post("demo.police", "/api/v1/people/" + victim + "/links", "{\"otherPersonId\":\"" + victimAgain + "\"}")
                .andExpect(status().isCreated());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        incident("demo.police", victim, harm, today.minusMonths(2), "POLICE_CALL_OUT", "a");
        incident("demo.police", victimAgain, harm, today.minusMonths(1), "POLICE_CALL_OUT", "b");
        mvc.perform(get("/api/v1/people/" + harm + "/facts").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$.serialPerpetrator").value(false))
                .andExpect(jsonPath("$.repeatPerpetrator").value(true));
    }

    @Test
    void theFamilyChronologyIncludesIncidentsOfRelatedPeople() throws Exception {
        UUID mother = person("demo.police", "Jo");
        UUID son = person("demo.police", "Sam");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        incident("demo.police", mother, null, today.minusMonths(2), "POLICE_CALL_OUT", "mother");
        incident("demo.police", son, null, today.minusMonths(1), "THIRD_PARTY_REPORT", "son");
        mvc.perform(get("/api/v1/people/" + mother + "/family-chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$", hasSize(1)));
        post("demo.police", "/api/v1/people/" + mother + "/relationships",
                "{\"relatedPersonId\":\"" + son + "\",\"kind\":\"CHILD\"}").andExpect(status().isCreated());
        post("demo.police", "/api/v1/people/" + mother + "/relationships",
                "{\"relatedPersonId\":\"" + son + "\",\"kind\":\"COUSIN\"}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/people/" + mother + "/family-chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/people/" + son + "/relationships").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$[0].kind").value("PARENT"));
        mvc.perform(get("/api/v1/people/" + mother + "/chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void anotherAgencysPersonCannotBeNamedAndBadInputChangesNothing() throws Exception {
        UUID theirs = person("demo.health", "Nia");
        long incidents = data.count("incident");
        post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"2026-01-01","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"}]}"""
                .formatted(theirs)).andExpect(status().isNotFound());
        post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"2999-01-01","cameToLight":"CARRIER_PIGEON","severity":"HUGE","people":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("cameToLight")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("severity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("people")));
        UUID mine = person("demo.police", "Ivy");
        UUID child = person("demo.police", "Tom");
        post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"2026-01-01","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"},
                 {"personId":"%s","role":"CHILD","experience":"SMELLED"}]}""".formatted(mine, child))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("people"));
        assertThat(data.count("incident")).isEqualTo(incidents);
        post("demo.police", "/api/v1/incidents", """
                {"occurredOn":"2026-01-01","location":"The family home","cameToLight":"POLICE_CALL_OUT",
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"CHILD","experience":"HEARD"}]}"""
                .formatted(mine, child)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/people/" + theirs + "/chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNotFound());
    }
}
