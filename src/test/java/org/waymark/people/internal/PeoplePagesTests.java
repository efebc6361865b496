package org.waymark.people.internal;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaymarkTest
class PeoplePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    MockHttpSession health;
    MockHttpSession police;

    @BeforeEach
    void signIn() throws Exception {
        data.demoPartnership();
        health = SignedIn.as(mvc, "demo.health");
        police = SignedIn.as(mvc, "demo.police");
    }

    @Test
    void intakeShowsAnotherAgencysRecordWithReasonsThenSavesAndLinks() throws Exception {
        String surname = "Qx" + UUID.randomUUID().toString().replace("-", "").chars().limit(6).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        mvc.perform(post("/people/new").session(health).with(csrf()).param("action", "new")
                        .param("givenName", "Rebecca").param("familyName", surname)
                        .param("dateOfBirth-day", "14").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1988"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "check")
                        .param("givenName", "Becky").param("familyName", surname)
                        .param("dateOfBirth-day", "14").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1988"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A record held by Wrekin Vale Midwifery")))
                .andExpect(content().string(containsString("Same person: save and link")))
                .andExpect(content().string(not(containsString("Rebecca"))));

        long links = data.count("person_link");
        String candidateId = String.valueOf(data.count("person"));
        var result = mvc.perform(post("/people/new").session(police).with(csrf())
                        .param("givenName", "Becky").param("familyName", surname)
                        .param("dateOfBirth-day", "14").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1988")
                        .param("action", "check"))
                .andReturn().getResponse().getContentAsString();
        String linkValue = result.replaceAll("(?s).*value=\"(link:[^\"]+)\".*", "$1");
        assertThat(linkValue).startsWith("link:");
        mvc.perform(post("/people/new").session(police).with(csrf()).param("action", linkValue)
                        .param("givenName", "Becky").param("familyName", surname)
                        .param("dateOfBirth-day", "14").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1988"))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("person_link")).isEqualTo(links + 1);
        assertThat(candidateId).isNotBlank();
    }

    @Test
    void badIntakeDetailsShowTheErrorSummaryAndSaveNothing() throws Exception {
        long people = data.count("person");
        mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "").param("familyName", "").param("nhsNumber", "1111111112")
                        .param("dateOfBirth-day", "31").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1990"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("href=\"#dateOfBirth-day\"")));
        mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "").param("familyName", "").param("nhsNumber", "1111111112"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#givenName\"")))
                .andExpect(content().string(containsString("href=\"#nhsNumber\"")));
        assertThat(data.count("person")).isEqualTo(people);
    }

    @Test
    void detailsAreSavedFromTheFormAndAStalePageIsRefused() throws Exception {
        String location = mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "Maya").param("familyName", "Dt" + System.nanoTime()))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location + "/details").session(police)).andExpect(status().isOk());
        mvc.perform(post(location + "/details").session(police).with(csrf()).param("version", "0")
                        .param("firstLanguage", "Somali").param("interpreterNeeded", "yes").param("estimatedAgeYears", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#estimatedAgeYears\"")));
        mvc.perform(post(location + "/details").session(police).with(csrf()).param("version", "0")
                        .param("firstLanguage", "Somali").param("interpreterNeeded", "yes"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/details").session(police).with(csrf()).param("version", "0")
                        .param("firstLanguage", "Arabic"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("changed by someone else")));
        mvc.perform(get(location).session(police))
                .andExpect(content().string(containsString("Somali, needs an interpreter")));
    }

    @Test
    void anIncidentRecordsTheChildrenAndWhatEachHeard() throws Exception {
        String mother = mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "Eve").param("familyName", "Ch" + System.nanoTime()))
                .andReturn().getResponse().getRedirectedUrl();
        String child = mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "Kit").param("familyName", "Ch" + System.nanoTime()))
                .andReturn().getResponse().getRedirectedUrl();
        String childId = child.substring(child.lastIndexOf('/') + 1);
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1);
        mvc.perform(post(mother + "/incidents/new").session(police).with(csrf())
                        .param("occurredOn-day", Integer.toString(day.getDayOfMonth()))
                        .param("occurredOn-month", Integer.toString(day.getMonthValue()))
                        .param("occurredOn-year", Integer.toString(day.getYear()))
                        .param("cameToLight", "POLICE_CALL_OUT").param("child-0", childId).param("experience-0", "HEARD"))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("incident_person where person_id = '" + childId + "' and role = 'CHILD' and experience = 'HEARD'"))
                .isOne();
        long incidents = data.count("incident");
        mvc.perform(post(mother + "/incidents/new").session(police).with(csrf())
                        .param("occurredOn-day", Integer.toString(day.getDayOfMonth()))
                        .param("occurredOn-month", Integer.toString(day.getMonthValue()))
                        .param("occurredOn-year", Integer.toString(day.getYear()))
                        .param("cameToLight", "POLICE_CALL_OUT").param("child-0", childId).param("child-1", childId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#child-0\"")));
        assertThat(data.count("incident")).isEqualTo(incidents);
        mvc.perform(get(child + "/chronology").session(police)).andExpect(content().string(containsString("child")));
    }

    @Test
    void pagesRender() throws Exception {
        mvc.perform(get("/people").session(police)).andExpect(status().isOk());
        mvc.perform(get("/people/new").session(police)).andExpect(status().isOk());
        mvc.perform(get("/people/" + UUID.randomUUID()).session(police)).andExpect(status().isNotFound());
    }

    @Test
    void aNulCharacterInAnAnswerIsAnErrorOnThePageNotAServerFault() throws Exception {
        long people = data.count("person");
        mvc.perform(post("/people/new").session(police).with(csrf()).param("action", "new")
                        .param("givenName", "Ann\u0000a").param("familyName", "Nul" + System.nanoTime()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#givenName\"")))
                .andExpect(content().string(containsString("Remove the invisible NUL character")));
        assertThat(data.count("person")).isEqualTo(people);
    }
}
