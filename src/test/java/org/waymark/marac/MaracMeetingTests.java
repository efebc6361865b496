package org.waymark.marac;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Meetings: listing at the next meeting with room, the agenda, research, the action plan, my actions. */
@WaymarkTest
class MaracMeetingTests {

    static final String SAFE_CONTACT = "Ring 07700 900555 after six, at her sister's";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    MaracSupport marac;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        marac = new MaracSupport(mvc, jdbc);
    }

    UUID area(int weekday, int caseLimit) throws Exception {
        String body = marac.postJson("demo.marac", "/api/v1/marac/areas", """
                {"name":"%s MARAC","coordinationAgencyId":"%s","policeAgencyId":"%s","idvaAgencyId":"%s","mashAgencyId":"%s",
                 "meetingWeekday":%d,"caseLimit":%d,"memberAgencyIds":["%s","%s","%s"]}""".formatted(MaracSupport.unique(),
                marac.agency("Wrekin Vale MARAC"), marac.agency("Wrekin Vale Police"), marac.agency("Haven IDVA Service"),
                marac.agency("Wrekin Vale MASH"), weekday, caseLimit, marac.agency("Millbrook Primary School"),
                marac.agency("Wrekin Vale Homes"), marac.agency("Wrekin Vale Probation")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.areaId"));
    }

    /** Wednesdays that are working days and at least five working days after today, in order. */
    List<LocalDate> eligibleWednesdays(int count) {
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = today.plusDays(1); dates.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY && calendar.isWorkingDay(d)
                    && !calendar.workingDaysBefore(d, 5).isBefore(today)) {
                dates.add(d);
            }
        }
        return dates;
    }

    UUID acceptedReferral(UUID area, String extra) throws Exception {
        UUID victim = marac.person("demo.police", "Mia", MaracSupport.unique(), MaracSupport.randomAdultBirthday());
        UUID referral = marac.referred("demo.police", MaracSupport.referral(area, victim, extra));
        marac.review("demo.marac", referral, null);
        return referral;
    }

    LocalDate meetingDate(UUID referral) {
        return jdbc.sql("select m.meeting_date from marac_referral r join marac_meeting m on m.id = r.meeting_id where r.id = ?")
                .param(referral).query(LocalDate.class).single();
    }

    @Test
    void theCoordinatorMovesTheMeetingDayAndLaterCasesAreListedOnTheNewDay() throws Exception {
        UUID area = area(3, 20);
        String path = "/api/v1/marac/areas/" + area + "/schedule";
        var read = mvc.perform(get(path).with(httpBasic("demo.marac", "demo"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat((Integer) JsonPath.read(read.getContentAsString(), "$.meetingWeekday")).isEqualTo(3);
        String etag = read.getHeader("ETag");
        mvc.perform(get(path).with(httpBasic("demo.police", "demo"))).andExpect(status().isNotFound());

        String thursdays = """
                {"meetingWeekday":4,"meetingTime":"13:30","intervalWeeks":1,"anchorDate":"%s","caseLimit":20,
                 "noticeWorkingDays":5,"agendaWorkingDays":5}""";
        var put = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).contentType("application/json");
        mvc.perform(put.content(thursdays.formatted("2026-01-08")).with(httpBasic("demo.marac", "demo")))
                .andExpect(status().is(428));
        // The date of one meeting must be on the meeting day; refused, nothing changed.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).contentType("application/json")
                        .header("If-Match", etag).content(thursdays.formatted("2026-01-07")).with(httpBasic("demo.marac", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("anchorDate"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).contentType("application/json")
                        .header("If-Match", etag).content(thursdays.formatted("2026-01-08")).with(httpBasic("demo.police", "demo")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select meeting_weekday from marac_area where id = ?").param(area).query(Integer.class).single())
                .isEqualTo(3);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).contentType("application/json")
                        .header("If-Match", etag).content(thursdays.formatted("2026-01-08")).with(httpBasic("demo.marac", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).contentType("application/json")
                        .header("If-Match", etag).content(thursdays.formatted("2026-01-08")).with(httpBasic("demo.marac", "demo")))
                .andExpect(status().isPreconditionFailed());

        UUID referral = acceptedReferral(area, null);
        assertThat(meetingDate(referral).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(jdbc.sql("select to_char(m.starts_at at time zone 'Europe/London', 'HH24:MI') from marac_referral r"
                + " join marac_meeting m on m.id = r.meeting_id where r.id = ?").param(referral).query(String.class).single())
                .isEqualTo("13:30");
    }

    @Test
    void eachAcceptedCaseIsListedAtTheNextMeetingWithRoomSkippingCancelledDates() throws Exception {
        UUID area = area(3, 1);
        List<LocalDate> wednesdays = eligibleWednesdays(3);
        marac.postJson("demo.marac", "/api/v1/marac/areas/" + area + "/cancelled-dates",
                "{\"date\":\"" + wednesdays.get(0) + "\"}").andExpect(status().isNoContent());
        marac.postJson("demo.police", "/api/v1/marac/areas/" + area + "/cancelled-dates",
                "{\"date\":\"" + wednesdays.get(1) + "\"}").andExpect(status().isForbidden());

        UUID first = acceptedReferral(area, null);
        UUID second = acceptedReferral(area, null);

        assertThat(meetingDate(first)).isEqualTo(wednesdays.get(1));
        assertThat(meetingDate(second)).as("the first meeting with room is full").isEqualTo(wednesdays.get(2));
        assertThat(jdbc.sql("select status from marac_referral where id = ?").param(first).query(String.class).single())
                .isEqualTo("LISTED");
    }

    @Test
    void theCycleRunsFromAgendaToResearchToAnActionHousingSeesAndRestrictedValuesNeverReachThePerpetratorSide()
            throws Exception {
        UUID area = area(2, 20);
        UUID referral = acceptedReferral(area, "\"safeContact\":\"" + SAFE_CONTACT + "\"");
        UUID meeting = jdbc.sql("select meeting_id from marac_referral where id = ?").param(referral).query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from marac_referral where id = ? and sealed_safe_contact is not null"
                + " and position(convert_to('07700', 'UTF8') in sealed_safe_contact) = 0").param(referral)
                .query(Long.class).single()).as("sealed at rest").isOne();

        // The referrer and her IDVA see the safe contact; the coordinator, not named on the case, is told it is withheld.
        assertThat((String) JsonPath.read(marac.getJson("demo.police", "/api/v1/marac/referrals/" + referral), "$.safeContact"))
                .isEqualTo(SAFE_CONTACT);
        String idva = jdbc.sql("select u.username from marac_referral r join app_user u on u.id = r.idva_user_id where r.id = ?")
                .param(referral).query(String.class).single();
        assertThat((String) JsonPath.read(marac.getJson(idva, "/api/v1/marac/referrals/" + referral), "$.safeContact"))
                .isEqualTo(SAFE_CONTACT);
        String forCoordinator = marac.getJson("demo.marac", "/api/v1/marac/referrals/" + referral);
        assertThat(forCoordinator).doesNotContain("07700 900555");
        assertThat((Boolean) JsonPath.read(forCoordinator, "$.safeContactWithheld")).isTrue();

        // Probation (a member, working with the person causing harm) sees the agenda and the referral at agenda level.
        String agenda = marac.getJson("demo.probation", "/api/v1/marac/meetings/" + meeting + "/agenda");
        assertThat((List<String>) JsonPath.read(agenda, "$.items[*].referralId")).containsExactly(referral.toString());
        assertThat(agenda).doesNotContain("07700").doesNotContain("sister").doesNotContain("Threats to kill");
        String forProbation = marac.getJson("demo.probation", "/api/v1/marac/referrals/" + referral);
        assertThat((String) JsonPath.read(forProbation, "$.access")).isEqualTo("AGENDA");
        assertThat(forProbation).doesNotContain("07700").doesNotContain("sister").doesNotContain("Threats to kill")
                .doesNotContain("Haven");

        // A non-member never sees the meeting.
        mvc.perform(get("/api/v1/marac/meetings/" + meeting + "/agenda").with(httpBasic("demo.health", "demo")))
                .andExpect(status().isNotFound());

        // The agenda goes out; the school has a research task and records its research.
        marac.postJson("demo.marac", "/api/v1/marac/meetings/" + meeting + "/agenda-circulation", "{}")
                .andExpect(status().isNoContent());
        UUID school = marac.agency("Millbrook Primary School");
        assertThat(jdbc.sql("select count(*) from task where kind = 'MARAC_RESEARCH' and subject_id = ? and owner_agency_id = ?"
                + " and status = 'OPEN'").params(referral, school).query(Long.class).single()).isOne();
        marac.putJson("demo.school", "/api/v1/marac/referrals/" + referral + "/research",
                "{\"known\":\"Two children on roll; attendance has dropped\",\"involvement\":\"Designated safeguarding lead\"}")
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select status from task where kind = 'MARAC_RESEARCH' and subject_id = ? and owner_agency_id = ?")
                .params(referral, school).query(String.class).single()).isEqualTo("DONE");
        assertThat((List<String>) JsonPath.read(marac.getJson("demo.marac", "/api/v1/marac/referrals/" + referral + "/research"),
                "$[*].agencyName")).containsExactly("Millbrook Primary School");
        // Probation works with the person causing harm: other agencies' research (free text) is not for it.
        assertThat(marac.getJson("demo.probation", "/api/v1/marac/referrals/" + referral + "/research"))
                .doesNotContain("attendance has dropped");

        // At the meeting: attendance, an action for housing, the case kept open with a review date.
        marac.postJson("demo.marac", "/api/v1/marac/meetings/" + meeting + "/attendance",
                "{\"agencyId\":\"" + marac.agency("Wrekin Vale Homes") + "\",\"attendee\":\"Hollis Housing\"}")
                .andExpect(status().isNoContent());
        LocalDate due = LocalDate.now(WorkingCalendar.LONDON).plusDays(14);
        String action = marac.postJson("demo.marac", "/api/v1/marac/referrals/" + referral + "/actions", """
                {"owningAgencyId":"%s","ownerName":"Hollis Housing","description":"Install target hardening at her home",
                 "dueDate":"%s"}""".formatted(marac.agency("Wrekin Vale Homes"), due))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID actionId = UUID.fromString(JsonPath.read(action, "$.actionId"));
        marac.putJson("demo.marac", "/api/v1/marac/referrals/" + referral + "/discussion", """
                {"notes":"Discussed","risks":"Escalating threats","outcome":"KEPT_OPEN","reviewDate":"%s"}"""
                .formatted(due.plusDays(14))).andExpect(status().isNoContent());

        String mine = marac.getJson("demo.housing", "/api/v1/marac/actions/mine");
        assertThat((List<String>) JsonPath.read(mine, "$[*].id")).contains(actionId.toString());
        assertThat(mine).doesNotContain("07700");
        assertThat(jdbc.sql("select count(*) from task where kind = 'MARAC_ACTION' and subject_id = ? and escalate_to_agency_id = ?")
                .params(actionId, marac.agency("Wrekin Vale MARAC")).query(Long.class).single()).isOne();
        // Only housing completes its action, at the version it read.
        marac.postJson("demo.police", "/api/v1/marac/actions/" + actionId + "/done", "{\"version\":0}")
                .andExpect(status().isNotFound());
        marac.postJson("demo.housing", "/api/v1/marac/actions/" + actionId + "/done", "{\"version\":0}")
                .andExpect(status().isNoContent());
        marac.postJson("demo.housing", "/api/v1/marac/actions/" + actionId + "/done", "{\"version\":0}")
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select status from marac_referral where id = ?").param(referral).query(String.class).single())
                .isEqualTo("KEPT_OPEN");
    }
}
