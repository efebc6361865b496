package org.waymark.marac.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.waymark.platform.WorkingCalendar;

/** The MARAC procedure's decision points, plain Java, each naming its source. */
public final class MaracRules {

    /** R9 (WM-2.24): MARAC is for victims aged 16 or over. */
    public static final int MINIMUM_AGE = 16;
    /** D6 (SafeLives, DDSCP): the repeat window runs 12 months from the date of the last referral. */
    public static final int REPEAT_WINDOW_MONTHS = 12;
    /** R8 (WM-2.25, SOL): MAPPA levels at which MAPPA leads and MARAC links to its plan. */
    public static final Set<Integer> MAPPA_LEADS_LEVELS = Set.of(2, 3);

    private MaracRules() {
    }

    /** R9: a victim under 16 goes to the children's pathway, never MARAC. */
    public static boolean tooYoungForMarac(int ageInYears) {
        return ageInYears < MINIMUM_AGE;
    }

    /** D6: a referral is a repeat when it comes within 12 months of the victim's last MARAC referral. */
    public static boolean isRepeat(LocalDate lastReferral, LocalDate thisReferral) {
        return !thisReferral.isAfter(lastReferral.plusMonths(REPEAT_WINDOW_MONTHS));
    }

    /** Whole months since the last referral, for R4 (repeat within 12 months). */
    public static long monthsBetween(LocalDate lastReferral, LocalDate today) {
        return ChronoUnit.MONTHS.between(lastReferral, today);
    }

    /** R8: any person causing harm managed at MAPPA level 2 or 3. */
    public static boolean mappaLeads(Collection<Integer> mappaLevels) {
        return mappaLevels.stream().anyMatch(MAPPA_LEADS_LEVELS::contains);
    }

    /** D1 (WM-2.25): coordinator, police and IDVA consider a referral by the end of the next working day. */
    public static ZonedDateTime reviewDue(WorkingCalendar calendar, Instant received) {
        return calendar.endOfNextWorkingDay(received);
    }

    /** A MARAC area's meeting pattern: a weekday every so many weeks, counted from an anchor date. */
    public record MeetingPattern(DayOfWeek weekday, int intervalWeeks, LocalDate anchor, int noticeWorkingDays) {

        boolean isMeetingDay(LocalDate day) {
            if (day.getDayOfWeek() != weekday) {
                return false;
            }
            long weeks = Math.floorDiv(ChronoUnit.DAYS.between(anchor, day), 7);
            return Math.floorMod(weeks, intervalWeeks) == 0;
        }
    }

    /**
     * D2 (WM-2.25, WOLV): the next meeting date on the pattern that is a working day, not cancelled, at
     * least the notice period (in working days) after {@code accepted}, and not full. Looks a year ahead.
     */
    public static Optional<LocalDate> nextMeeting(MeetingPattern pattern, LocalDate accepted, WorkingCalendar calendar,
                                                  Set<LocalDate> cancelled, Predicate<LocalDate> full) {
        for (LocalDate day = accepted.plusDays(1); day.isBefore(accepted.plusYears(1)); day = day.plusDays(1)) {
            if (!pattern.isMeetingDay(day) || !calendar.isWorkingDay(day) || cancelled.contains(day)) {
                continue;
            }
            if (calendar.workingDaysBefore(day, pattern.noticeWorkingDays()).isBefore(accepted)) {
                continue;
            }
            if (!full.test(day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
