package org.waymark.marac.internal;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** The MARAC decision points, on the shipped England and Wales calendar. */
class MaracRulesTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.read(new InputStreamReader(
            MaracRulesTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"),
            StandardCharsets.UTF_8), LocalTime.of(17, 0));

    static final MaracRules.MeetingPattern WEEKLY_TUESDAY =
            new MaracRules.MeetingPattern(DayOfWeek.TUESDAY, 1, LocalDate.of(2026, 1, 6), 5);

    @Test
    void aCaseGoesToTheFirstMeetingAtLeastTheNoticePeriodAway() {
        // Accepted Monday 14 December: Tuesday 15 is one working day away; Tuesday 22 is five.
        assertThat(MaracRules.nextMeeting(WEEKLY_TUESDAY, LocalDate.of(2026, 12, 14), CALENDAR, Set.of(), d -> false))
                .contains(LocalDate.of(2026, 12, 22));
    }

    @Test
    void aFullMeetingOrACancelledDateSendsTheCaseToTheNextMeetingWithRoom() {
        LocalDate accepted = LocalDate.of(2026, 12, 14);
        assertThat(MaracRules.nextMeeting(WEEKLY_TUESDAY, accepted, CALENDAR, Set.of(),
                d -> d.equals(LocalDate.of(2026, 12, 22)))).contains(LocalDate.of(2026, 12, 29));
        assertThat(MaracRules.nextMeeting(WEEKLY_TUESDAY, accepted, CALENDAR, Set.of(LocalDate.of(2026, 12, 29)),
                d -> d.equals(LocalDate.of(2026, 12, 22)))).contains(LocalDate.of(2027, 1, 5));
    }

    @Test
    void aMeetingDayThatIsABankHolidayIsSkipped() {
        var mondays = new MaracRules.MeetingPattern(DayOfWeek.MONDAY, 1, LocalDate.of(2026, 1, 5), 0);
        // Monday 28 December 2026 is the Boxing Day substitute holiday.
        assertThat(MaracRules.nextMeeting(mondays, LocalDate.of(2026, 12, 22), CALENDAR, Set.of(), d -> false))
                .contains(LocalDate.of(2027, 1, 4));
    }

    @Test
    void aFortnightlyPatternCountsWeeksFromItsAnchor() {
        var fortnightly = new MaracRules.MeetingPattern(DayOfWeek.TUESDAY, 2, LocalDate.of(2026, 12, 8), 0);
        assertThat(MaracRules.nextMeeting(fortnightly, LocalDate.of(2026, 12, 9), CALENDAR, Set.of(), d -> false))
                .contains(LocalDate.of(2026, 12, 22));
    }

    @Test
    void theRepeatWindowRuns12MonthsFromTheLastReferral() {
        LocalDate last = LocalDate.of(2026, 3, 10);
        assertThat(MaracRules.isRepeat(last, LocalDate.of(2027, 3, 10))).isTrue();
        assertThat(MaracRules.isRepeat(last, LocalDate.of(2027, 3, 11))).isFalse();
    }

    @Test
    void mappaLeadsAtLevelsTwoAndThreeOnly() {
        assertThat(MaracRules.mappaLeads(Set.of(1))).isFalse();
        assertThat(MaracRules.mappaLeads(Set.of(1, 2))).isTrue();
        assertThat(MaracRules.mappaLeads(Set.of(3))).isTrue();
    }

    @Test
    void maracIsForVictimsAged16OrOver() {
        assertThat(MaracRules.tooYoungForMarac(15)).isTrue();
        assertThat(MaracRules.tooYoungForMarac(16)).isFalse();
    }
}
