package org.waymark.governance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * When a record's retention period ends (plain Java; the periods are configuration, {@code waymark.retention.*}).
 *
 * <p>Source: issue 7 §5 ("MARAC records 6 years after closure unless a longer period applies to children's
 * records"). The source procedures (WM-2.24, WM-2.25, SOL, DDSCP, WOLV) set no retention period: each
 * partnership sets its own in its information-sharing protocol, so every period here is configurable and the
 * defaults are Waymark's reading, stated in docs/security.md.
 *
 * @param closedCase             a closed case is kept this long after closure (default 6 years)
 * @param childrenUntilAge       a case with children in it is kept at least until the youngest is this old (25)
 * @param childWithoutBirthDate  a case with a child whose date of birth is not recorded is kept this long after
 *                               closure (25 years: the child's age cannot be known, so the longest reading)
 * @param personWithoutCase      a person record on no case is kept this long after it last changed (6 years),
 *                               and a child's record at least until they are {@code childrenUntilAge}
 * @param keepFor                a decision to keep a due record defers its next review this long (1 year)
 */
public record RetentionSchedule(Period closedCase, int childrenUntilAge, Period childWithoutBirthDate,
                                Period personWithoutCase, Period keepFor) {

    public static final String CLOSED_CASE = "CLOSED_CASE";
    public static final String CLOSED_CASE_WITH_CHILDREN = "CLOSED_CASE_WITH_CHILDREN";
    public static final String PERSON_WITHOUT_CASE = "PERSON_WITHOUT_CASE";
    public static final String CHILD_WITHOUT_CASE = "CHILD_WITHOUT_CASE";

    public RetentionSchedule {
        Objects.requireNonNull(closedCase);
        Objects.requireNonNull(childWithoutBirthDate);
        Objects.requireNonNull(personWithoutCase);
        Objects.requireNonNull(keepFor);
        if (childrenUntilAge < 18) {
            throw new IllegalArgumentException("waymark.retention.children-until-age must be 18 or more");
        }
    }

    /** When a period counted from a date ends, and the rule that set it. */
    public record Due(LocalDate dueOn, String rule) {
    }

    /**
     * A closed case: {@code closedCase} after closure; where children are in it, not before the youngest
     * reaches {@code childrenUntilAge}, and {@code childWithoutBirthDate} after closure where a child's date of
     * birth is not known (issue 7 §5).
     */
    public Due closedCase(LocalDate closedOn, Collection<LocalDate> childrenBirthDates, boolean childWithoutBirthDate) {
        Due due = new Due(closedOn.plus(closedCase), CLOSED_CASE);
        for (LocalDate born : childrenBirthDates) {
            due = later(due, new Due(born.plusYears(childrenUntilAge), CLOSED_CASE_WITH_CHILDREN));
        }
        if (childWithoutBirthDate) {
            due = later(due, new Due(closedOn.plus(this.childWithoutBirthDate), CLOSED_CASE_WITH_CHILDREN));
        }
        return due;
    }

    /**
     * A person record on no case (recorded, perhaps consulted, never part of a case): {@code personWithoutCase}
     * after it last changed; a child's record not before they reach {@code childrenUntilAge} (issue 7 §5).
     */
    public Due personWithoutCase(LocalDate lastChanged, Optional<LocalDate> bornOn) {
        Due due = new Due(lastChanged.plus(personWithoutCase), PERSON_WITHOUT_CASE);
        boolean childWhenRecorded = bornOn.map(born -> born.plusYears(18).isAfter(lastChanged)).orElse(false);
        return childWhenRecorded ? later(due, new Due(bornOn.get().plusYears(childrenUntilAge), CHILD_WITHOUT_CASE)) : due;
    }

    /** The rule in words, for the review queue. */
    public String describe(String rule) {
        return switch (rule) {
            case CLOSED_CASE -> "Closed case: kept " + words(closedCase) + " after closure";
            case CLOSED_CASE_WITH_CHILDREN -> "Closed case with children: kept until the youngest child is "
                    + childrenUntilAge + " (" + words(childWithoutBirthDate) + " after closure if a child's date of birth"
                    + " is not known)";
            case PERSON_WITHOUT_CASE -> "Person on no case: kept " + words(personWithoutCase) + " after the record last changed";
            case CHILD_WITHOUT_CASE -> "Child on no case: kept until they are " + childrenUntilAge;
            default -> rule;
        };
    }

    private static Due later(Due a, Due b) {
        return b.dueOn().isAfter(a.dueOn()) ? b : a;
    }

    private static String words(Period period) {
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        return period.toString();
    }
}
