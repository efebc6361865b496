package org.waymark.children;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.waymark.platform.WorkingCalendar;

/**
 * When a school is open: its day starts at {@code dayStartsAt} on its school days, never on an England and
 * Wales bank holiday, never in one of its closures (holidays, training days). Plain Java, so the deadline
 * rule below stays pure.
 */
public record SchoolCalendar(LocalTime dayStartsAt, Set<DayOfWeek> schoolDays, List<Closure> closures) {

    public static final LocalTime DEFAULT_START = LocalTime.of(8, 30);
    public static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** Far enough to cross the longest summer holiday; a calendar with no school day in a year is broken. */
    static final int SEARCH_DAYS = 400;

    public SchoolCalendar {
        dayStartsAt = dayStartsAt == null ? DEFAULT_START : dayStartsAt;
        schoolDays = schoolDays == null || schoolDays.isEmpty() ? DEFAULT_DAYS : Set.copyOf(schoolDays);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    public static SchoolCalendar standard() {
        return new SchoolCalendar(DEFAULT_START, DEFAULT_DAYS, List.of());
    }

    /** A holiday or other closure, both days included. */
    public record Closure(LocalDate firstDay, LocalDate lastDay, String name) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    public boolean isSchoolDay(LocalDate day, WorkingCalendar bankHolidays) {
        return schoolDays.contains(day.getDayOfWeek()) && !bankHolidays.isBankHoliday(day)
                && closures.stream().noneMatch(c -> c.covers(day));
    }

    /**
     * D3 (WM-2.24 Operation Encompass): the key adult is told "before the child arrives at school the following
     * day", so a notification is due at the start of the first school day that begins after {@code madeAt}.
     *
     * @throws IllegalStateException when the calendar has no school day in the next 400 days
     */
    public ZonedDateTime nextSchoolDayStartAfter(Instant madeAt, WorkingCalendar bankHolidays) {
        ZonedDateTime made = madeAt.atZone(WorkingCalendar.LONDON);
        LocalDate day = made.toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isSchoolDay(day, bankHolidays)) {
                ZonedDateTime start = day.atTime(dayStartsAt).atZone(WorkingCalendar.LONDON);
                if (start.toInstant().isAfter(madeAt)) {
                    return start;
                }
            }
        }
        throw new IllegalStateException("The school calendar has no school day in the next " + SEARCH_DAYS + " days");
    }
}
