package org.waymark.children;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.RiskLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** D4 (SOL domestic abuse triage): the route and the deadline. */
class TriageRulesTest {

    static final WorkingCalendar CALENDAR = SchoolCalendarTest.BANK_HOLIDAYS;

    @Test
    void highRiskGoesToTheMashAtOnceEvenWhenTheFamilyIsOpenToSocialCare() {
        assertThat(TriageRules.route(RiskLevel.HIGH, null, true).route()).isEqualTo(TriageRules.Route.MASH_URGENT);
        assertThat(TriageRules.route(RiskLevel.HIGH, null, true).urgent()).isTrue();
        assertThat(TriageRules.route(RiskLevel.MEDIUM, 4, false).route()).isEqualTo(TriageRules.Route.MASH_URGENT);
    }

    @Test
    void aFamilyOpenToSocialCareGoesToItsCaseworker() {
        TriageRules.Routing routing = TriageRules.route(RiskLevel.MEDIUM, null, true);
        assertThat(routing.route()).isEqualTo(TriageRules.Route.CASEWORKER);
        assertThat(routing.urgent()).isFalse();
        assertThat(routing.reason()).contains("SOL");
    }

    @Test
    void everythingElseGoesToThePanel() {
        assertThat(TriageRules.route(RiskLevel.STANDARD, 3, false).route()).isEqualTo(TriageRules.Route.PANEL);
        assertThat(TriageRules.route(null, null, false).route()).isEqualTo(TriageRules.Route.PANEL);
    }

    @Test
    void thePanelDiscussesItWithin48HoursOfReceipt() {
        Instant received = LocalDateTime.parse("2026-12-18T22:00").atZone(WorkingCalendar.LONDON).toInstant();
        assertThat(TriageRules.dueAt(TriageRules.Route.PANEL, received, TriageRules.Deadlines.SOL, CALENDAR))
                .isEqualTo(LocalDateTime.parse("2026-12-20T22:00").atZone(WorkingCalendar.LONDON).toInstant());
    }

    @Test
    void urgentTriageIsDueWithinTheHourAndTheCaseworkerByTheEndOfTheNextWorkingDay() {
        Instant received = LocalDateTime.parse("2026-12-24T15:00").atZone(WorkingCalendar.LONDON).toInstant();
        assertThat(TriageRules.dueAt(TriageRules.Route.MASH_URGENT, received, TriageRules.Deadlines.SOL, CALENDAR))
                .isEqualTo(received.plusSeconds(3600));
        assertThat(TriageRules.dueAt(TriageRules.Route.CASEWORKER, received, TriageRules.Deadlines.SOL, CALENDAR))
                .isEqualTo(LocalDateTime.of(2026, 12, 29, 0, 0).with(LocalTime.of(17, 0)).atZone(WorkingCalendar.LONDON).toInstant());
    }
}
