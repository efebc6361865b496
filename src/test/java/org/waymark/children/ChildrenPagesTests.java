package org.waymark.children;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The children's pathway pages for each role: queues, forms with GOV.UK error summaries, and what each may see. */
@WaymarkTest
class ChildrenPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Schools schools;

    /** The API tests' fixtures (households, notifications), driven through the same MockMvc. */
    final ChildrenPathwayTests api = new ChildrenPathwayTests();

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        api.mvc = mvc;
        api.data = data;
        api.jdbc = jdbc;
    }

    @Test
    void theMashTriagesOnThePageAndARefusedDecisionShowsTheErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        ChildrenPathwayTests.Household h = api.babyAndSevenYearOld();
        UUID id = api.notify(api.babyAndSevenYearOldNotification(h, ""));
        MockHttpSession mash = SignedIn.as(mvc, "demo.mash");
        mvc.perform(get("/mash/triage").session(mash)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/mash/triage/" + id)));
        mvc.perform(get("/mash/triage/" + id).session(mash)).andExpect(status().isOk())
                .andExpect(content().string(containsString("social care is required. A decision not to refer must be recorded")))
                .andExpect(content().string(not(containsString(ChildrenPathwayTests.ADDRESS))));
        int version = api.triageVersion(id);
        mvc.perform(post("/mash/triage/" + id + "/decision").session(mash).with(csrf())
                        .param("outcome", "INFORMATION_AND_ADVICE").param("rationale", "Panel view: keep an eye")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("rule C4")))
                .andExpect(content().string(containsString("href=\"#outcome\"")))
                .andExpect(content().string(containsString("Panel view: keep an eye")))
                .andExpect(content().string(containsString("href=\"#leadAgencyId\"")));
        assertThat(api.triageVersion(id)).isEqualTo(version);
        UUID socialCare = api.agency("Wrekin Vale Children's Social Care");
        mvc.perform(post("/mash/triage/" + id + "/decision").session(mash).with(csrf())
                        .param("outcome", "STRATEGY_DISCUSSION").param("leadAgencyId", socialCare.toString())
                        .param("rationale", "Baby under one; father violent").param("version", Integer.toString(version)))
                .andExpect(redirectedUrl("/mash/triage/" + id));
        mvc.perform(get("/mash/triage/" + id).session(mash)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Baby under one; father violent")))
                .andExpect(content().string(not(containsString("id=\"decide\""))));
        mvc.perform(get("/children/notifications/" + id).session(mash)).andExpect(status().isOk())
                .andExpect(content().string(containsString("View the strategy discussion")));
    }

    @Test
    void socialCareRecordsTheStrategyDiscussionOnItsPage() throws Exception {
        UUID id = api.notify(api.babyAndSevenYearOldNotification(api.babyAndSevenYearOld(), ""));
        UUID discussion = jdbc.sql("select id from strategy_discussion where notification_id = ?").param(id)
                .query(UUID.class).single();
        MockHttpSession social = SignedIn.as(mvc, "demo.social");
        mvc.perform(get("/strategy-discussions/" + discussion).session(social)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Record the outcome")));
        mvc.perform(post("/strategy-discussions/" + discussion).session(social).with(csrf()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the date the strategy discussion was held")))
                .andExpect(content().string(containsString("Select whether a Section 47 enquiry will be made")));
        LocalDate today = LocalDate.now(ChildrenPathwayTests.LONDON);
        mvc.perform(post("/strategy-discussions/" + discussion).session(social).with(csrf()).param("version", "0")
                        .param("heldOn-day", Integer.toString(today.getDayOfMonth()))
                        .param("heldOn-month", Integer.toString(today.getMonthValue()))
                        .param("heldOn-year", Integer.toString(today.getYear()))
                        .param("attended", "Police, social care, health visitor").param("section47", "no")
                        .param("actions", "Family support plan; health visitor weekly"))
                .andExpect(redirectedUrl("/strategy-discussions/" + discussion));
        mvc.perform(get("/strategy-discussions/" + discussion).session(social)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Family support plan; health visitor weekly")))
                .andExpect(content().string(not(containsString("Record the outcome"))));
        // The police see it, but only children's social care records it.
        mvc.perform(get("/strategy-discussions/" + discussion).session(SignedIn.as(mvc, "demo.police")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Record the outcome"))));
    }

    @Test
    void theOfficerSeesTheIncidentsToNotifyAndTheFormNamesEveryChildWithErrorsTiedToTheirControls() throws Exception {
        ChildrenPathwayTests.Household h = api.babyAndSevenYearOld();
        MockHttpSession police = SignedIn.as(mvc, "demo.police");
        mvc.perform(get("/children/notifications").session(police)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/incidents/" + h.incident() + "/notify-mash")));
        mvc.perform(get("/incidents/" + h.incident() + "/notify-mash").session(police)).andExpect(status().isOk())
                .andExpect(content().string(containsString(h.names().get(0))))
                .andExpect(content().string(containsString(h.names().get(1))));
        long before = data.count("police_notification");
        mvc.perform(post("/incidents/" + h.incident() + "/notify-mash").session(police).with(csrf())
                        .param("child-0-livesInHousehold", "yes").param("child-1-demeanour", "Tearful"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#child-1-livesInHousehold\"")))
                .andExpect(content().string(containsString("href=\"#victimPregnant\"")))
                .andExpect(content().string(containsString("Tearful")));
        assertThat(data.count("police_notification")).isEqualTo(before);
        // Other agencies cannot start a notification about an incident they cannot see.
        mvc.perform(get("/incidents/" + h.incident() + "/notify-mash").session(SignedIn.as(mvc, "demo.health")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSchoolSeesItsNotificationsOnlyAndAcknowledgesOnThePage() throws Exception {
        ChildrenPathwayTests.Household h = api.babyAndSevenYearOld();
        String body = mvc.perform(post("/api/v1/children/notifications").contentType("application/json")
                        .content(api.babyAndSevenYearOldNotification(h, ""))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("demo.police", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String notice = JsonPath.read(body, "$.schoolNotifications[0].id");
        MockHttpSession school = SignedIn.as(mvc, "demo.school");
        mvc.perform(get("/school-notifications").session(school)).andExpect(status().isOk())
                .andExpect(content().string(containsString(h.names().get(1))));
        mvc.perform(get("/school-notifications/" + notice).session(school)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Yes, the child heard what happened")))
                .andExpect(content().string(not(containsString(ChildrenPathwayTests.ADDRESS))))
                .andExpect(content().string(not(containsString(ChildrenPathwayTests.ACCOUNT))));
        mvc.perform(post("/school-notifications/" + notice + "/acknowledgement").session(school).with(csrf()))
                .andExpect(redirectedUrl("/school-notifications/" + notice));
        mvc.perform(get("/school-notifications/" + notice).session(school))
                .andExpect(content().string(containsString("Acknowledged by Sam School")));
        for (String other : List.of("demo.health", "demo.police")) {
            mvc.perform(get("/school-notifications/" + notice).session(SignedIn.as(mvc, other))).andExpect(status().isNotFound());
        }
    }

    @Test
    void theSchoolsLeadSetsTheStartOfTheDayAndTheHolidaysAndOthersCannotSeeThePage() throws Exception {
        UUID school = api.agency("Millbrook Primary School");
        MockHttpSession lead = SignedIn.as(mvc, "demo.school");
        mvc.perform(get("/school-notifications").session(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/schools/" + school)));
        mvc.perform(get("/schools/" + school).session(lead)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam School")));
        int version = jdbc.sql("select coalesce((select version from school where agency_id = ?), 0)").param(school)
                .query(Integer.class).single();
        mvc.perform(post("/schools/" + school).session(lead).with(csrf()).param("dayStartsAt", "half eight")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#dayStartsAt\"")))
                .andExpect(content().string(containsString("href=\"#schoolDays\"")));
        mvc.perform(post("/schools/" + school).session(lead).with(csrf()).param("dayStartsAt", "08:40")
                        .param("schoolDays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                        .param("keyAdultUserId", data.userId("demo.school").toString())
                        .param("version", Integer.toString(version)))
                .andExpect(redirectedUrl("/schools/" + school));
        mvc.perform(post("/schools/" + school + "/closures").session(lead).with(csrf()).param("name", "Spring half term")
                        .param("firstDay-day", "15").param("firstDay-month", "2").param("firstDay-year", "2027")
                        .param("lastDay-day", "12").param("lastDay-month", "2").param("lastDay-year", "2027"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("same as or after the first day")));
        mvc.perform(post("/schools/" + school + "/closures").session(lead).with(csrf()).param("name", "Spring half term")
                        .param("firstDay-day", "15").param("firstDay-month", "2").param("firstDay-year", "2027")
                        .param("lastDay-day", "19").param("lastDay-month", "2").param("lastDay-year", "2027"))
                .andExpect(redirectedUrl("/schools/" + school));
        Schools.School saved = schools.get(school);
        assertThat(saved.dayStartsAt()).isEqualTo(java.time.LocalTime.of(8, 40));
        assertThat(saved.keyAdultName()).isEqualTo("Sam School");
        assertThat(saved.closures()).extracting(Schools.Closure::name).contains("Spring half term");
        // Someone else's school, or a non-lead, gets no page.
        mvc.perform(get("/schools/" + school).session(SignedIn.as(mvc, "demo.police"))).andExpect(status().isNotFound());
    }
}
