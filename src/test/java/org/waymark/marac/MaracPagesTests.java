package org.waymark.marac;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The MARAC pages: the referral form and its errors, the coordinator's review, the agenda, the dashboards. */
@WaymarkTest
class MaracPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    MaracSupport marac;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        marac = new MaracSupport(mvc, jdbc);
    }

    @Test
    void theCoordinatorChangesTheScheduleOnAPageWithAnErrorSummaryForABadTime() throws Exception {
        MockHttpSession coordinator = SignedIn.as(mvc, "demo.marac");
        UUID area = marac.demoArea();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/marac").session(coordinator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/marac/areas/" + area + "/schedule")));
        String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/marac/areas/" + area + "/schedule").session(coordinator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Meeting schedule");
        int version = jdbc.sql("select version from marac_area where id = ?").param(area).query(Integer.class).single();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/marac/areas/" + area + "/schedule").session(coordinator)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("version", Integer.toString(version)).param("meetingWeekday", "2").param("meetingTime", "25:99")
                        .param("intervalWeeks", "1").param("anchorDate-day", "6").param("anchorDate-month", "1")
                        .param("anchorDate-year", "2026").param("caseLimit", "20").param("noticeWorkingDays", "5")
                        .param("agendaWorkingDays", "5"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("govuk-error-summary").contains("Enter the time like 10:00");
        assertThat(jdbc.sql("select version from marac_area where id = ?").param(area).query(Integer.class).single())
                .isEqualTo(version);
        // Another agency's user cannot even open it.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/marac/areas/" + area + "/schedule").session(SignedIn.as(mvc, "demo.police")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    @Test
    void theFormRefusesAVictimUnder16WithAnErrorSummaryPointingToTheChildrensPathway() throws Exception {
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        UUID victim = marac.person("demo.police", "Zoe", MaracSupport.unique(), LocalDate.now().minusYears(14));
        long before = data.count("marac_referral");
        mvc.perform(get("/marac/referrals/new").param("personId", victim.toString()).session(police))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Send the referral")));
        mvc.perform(post("/marac/referrals/new").session(police).with(csrf())
                        .param("victimPersonId", victim.toString()).param("areaId", marac.demoArea().toString())
                        .param("referringOfficer", "PC Dana Police").param("criteria", "PROFESSIONAL_JUDGEMENT")
                        .param("reason", "Threats to kill her").param("victimAware", "yes").param("consent", "GIVEN")
                        .param("perpetrator0-name", "Ian Harmer"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("children&#39;s pathway")));
        assertThat(data.count("marac_referral")).isEqualTo(before);
    }

    @Test
    void policeReferThroughTheFormTheCoordinatorReviewsAndTheCaseIsOnTheAgenda() throws Exception {
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        String family = MaracSupport.unique();
        UUID victim = marac.person("demo.police", "Eve", family, MaracSupport.randomAdultBirthday());
        String location = mvc.perform(post("/marac/referrals/new").session(police).with(csrf())
                        .param("victimPersonId", victim.toString()).param("areaId", marac.demoArea().toString())
                        .param("referringOfficer", "PC Dana Police").param("criteria", "POTENTIAL_ESCALATION")
                        .param("reason", "Fourth call-out in three months").param("victimAware", "yes")
                        .param("consent", "GIVEN").param("safeContact", "Text 07700 900111 only")
                        .param("perpetrator0-name", "Ian Harmer").param("perpetrator0-mappa", "3")
                        .param("household0-name", "Lily").param("household0-kind", "CHILD"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/marac/referrals/*"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID referral = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).session(police)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Text 07700 900111 only")))
                .andExpect(content().string(containsString("MAPPA leads")));

        MockHttpSession coordinator = SignedIn.as(mvc, "demo.marac");
        mvc.perform(get("/marac").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString(referral.toString())));
        mvc.perform(get(location).session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("record-review")))
                .andExpect(content().string(not(containsString("07700 900111"))));
        mvc.perform(post(location + "/review").session(coordinator).with(csrf()).param("immediateAction", ""))
                .andExpect(status().is3xxRedirection());
        UUID meeting = jdbc.sql("select meeting_id from marac_referral where id = ?").param(referral).query(UUID.class).single();

        MockHttpSession probation = SignedIn.as(mvc, "demo.probation");
        mvc.perform(get("/marac/meetings/" + meeting).session(probation)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Eve " + family)))
                .andExpect(content().string(not(containsString("07700 900111"))));
        mvc.perform(get(location).session(probation)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("07700 900111"))))
                .andExpect(content().string(not(containsString("Fourth call-out"))));

        MockHttpSession idva = SignedIn.as(mvc, jdbc.sql("""
                select u.username from marac_referral r join app_user u on u.id = r.idva_user_id where r.id = ?""")
                .param(referral).query(String.class).single());
        mvc.perform(get("/marac").session(idva)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your MARAC cases")))
                .andExpect(content().string(containsString(referral.toString())));
    }
}
