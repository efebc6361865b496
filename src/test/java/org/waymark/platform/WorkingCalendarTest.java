package org.waymark.platform;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    final WorkingCalendar calendar = WorkingCalendar.read(new InputStreamReader(
            WorkingCalendarTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"),
            StandardCharsets.UTF_8), LocalTime.of(17, 0));

    @Test
    void theShippedListCoversTwentyEighteenToTwentyTwentyEightWithAtLeastEightHolidaysEachYear() {
        assertThat(calendar.firstYearCovered()).isEqualTo(2018);
        assertThat(calendar.lastYearCovered()).isEqualTo(2028);
        IntStream.rangeClosed(2018, 2028).forEach(year -> assertThat(LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(calendar::isBankHoliday).count()).as("bank holidays in " + year).isBetween(8L, 10L));
        // Every bank holiday falls on a weekday: substitute days replace weekend dates.
        IntStream.rangeClosed(2018, 2028).forEach(year -> LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(calendar::isBankHoliday).forEach(day -> assertThat(day.getDayOfWeek())
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
    }

    @Test
    void aReferralOnChristmasEveAfternoonIsDueByTheEndOfTuesdayTwentyNinth() {
        ZonedDateTime received = LocalDateTime.of(2026, 12, 24, 15, 0).atZone(WorkingCalendar.LONDON);
        // Friday 25th Christmas Day, the weekend, Monday 28th Boxing Day (substitute day).
        assertThat(calendar.endOfNextWorkingDay(received.toInstant()))
                .isEqualTo(LocalDateTime.of(2026, 12, 29, 17, 0).atZone(WorkingCalendar.LONDON));
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(calendar.bankHolidayName(LocalDate.of(2026, 12, 28))).contains("Boxing Day");
        assertThat(calendar.nextWorkingDayAfter(LocalDate.of(2026, 12, 18))).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 3, 25), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 26), 0)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Agenda five working days before a meeting on Tuesday 5 January 2027.
        assertThat(calendar.workingDaysBefore(LocalDate.of(2027, 1, 5), 5)).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void aBadListIsRefusedWithTheLineAtFault() {
        assertThatThrownBy(() -> WorkingCalendar.read(new StringReader("date,name\n2026-13-01,Nonsense\n"), LocalTime.NOON))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> WorkingCalendar.read(new StringReader("date,name\n"), LocalTime.NOON))
                .hasMessageContaining("empty");
    }
}
