package org.waymark.children;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waymark.platform.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** D3: a school notification is due at the start of the next school day (WM-2.24 Operation Encompass). */
class SchoolCalendarTest {

    static final WorkingCalendar BANK_HOLIDAYS = WorkingCalendar.read(new InputStreamReader(
            SchoolCalendarTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"),
            StandardCharsets.UTF_8), LocalTime.of(17, 0));

    static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(WorkingCalendar.LONDON).toInstant();
    }

    static ZonedDateTime due(SchoolCalendar school, String madeAt) {
        return school.nextSchoolDayStartAfter(london(madeAt), BANK_HOLIDAYS);
    }

    @Test
    void aNotificationOnFridayNightIsDueAtTheStartOfMonday() {
        // Friday 18 December 2026, 22:00: the school is open on Monday 21 December.
        assertThat(due(SchoolCalendar.standard(), "2026-12-18T22:00").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-21T08:30"));
    }

    @Test
    void aNotificationAfterTheEndOfTermIsDueOnTheFirstDayOfTheNextTerm() {
        SchoolCalendar school = new SchoolCalendar(LocalTime.of(8, 30), SchoolCalendar.DEFAULT_DAYS,
                List.of(new SchoolCalendar.Closure(LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 4), "Christmas holidays")));
        // Thursday 24 December 2026: term has ended; it starts again on Tuesday 5 January 2027.
        assertThat(due(school, "2026-12-24T15:00").toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-01-05T08:30"));
    }

    @Test
    void bankHolidaysAreNotSchoolDaysEvenInTerm() {
        // Christmas Day (Friday) and the Boxing Day substitute (Monday 28th) are bank holidays.
        assertThat(due(SchoolCalendar.standard(), "2026-12-24T15:00").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-29T08:30"));
        // Easter 2027: Good Friday 26 March and Easter Monday 29 March.
        assertThat(due(SchoolCalendar.standard(), "2027-03-25T19:00").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2027-03-30T08:30"));
    }

    @Test
    void anIncidentBeforeTheSchoolDayStartsIsDueThatMorning() {
        assertThat(due(SchoolCalendar.standard(), "2026-12-07T06:15").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-07T08:30"));
        // At or after the start, the next school day.
        assertThat(due(SchoolCalendar.standard(), "2026-12-07T08:30").toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-08T08:30"));
    }

    @Test
    void eachSchoolKeepsItsOwnStartTimeAndDays() {
        SchoolCalendar nursery = new SchoolCalendar(LocalTime.of(7, 45),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY), List.of());
        // Wednesday evening: the nursery next opens on Monday at 07:45.
        assertThat(due(nursery, "2026-12-09T18:00").toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-14T07:45"));
    }

    @Test
    void theStartTimeIsLondonTimeAcrossTheClockChange() {
        // Clocks go forward on Sunday 28 March 2027: 08:30 on Monday is 07:30 UTC.
        assertThat(due(SchoolCalendar.standard(), "2027-03-26T20:00").toInstant())
                .isEqualTo(Instant.parse("2027-03-30T07:30:00Z"));
    }
}
