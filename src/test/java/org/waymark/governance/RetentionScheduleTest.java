package org.waymark.governance;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionScheduleTest {

    final RetentionSchedule defaults = new RetentionSchedule(Period.ofYears(6), 25, Period.ofYears(25), Period.ofYears(6),
            Period.ofYears(1));
    final LocalDate closed = LocalDate.of(2026, 3, 31);

    @Test
    void aClosedCaseWithoutChildrenIsDueSixYearsAfterClosure() {
        assertThat(defaults.closedCase(closed, List.of(), false))
                .isEqualTo(new RetentionSchedule.Due(LocalDate.of(2032, 3, 31), RetentionSchedule.CLOSED_CASE));
    }

    @Test
    void theYoungestChildTurningTwentyFiveDecidesWhenThatIsLater() {
        assertThat(defaults.closedCase(closed, List.of(LocalDate.of(2010, 1, 1), LocalDate.of(2019, 8, 14)), false))
                .isEqualTo(new RetentionSchedule.Due(LocalDate.of(2044, 8, 14), RetentionSchedule.CLOSED_CASE_WITH_CHILDREN));
        // Children already grown up by then change nothing.
        assertThat(defaults.closedCase(closed, List.of(LocalDate.of(1990, 1, 1)), false).rule())
                .isEqualTo(RetentionSchedule.CLOSED_CASE);
    }

    @Test
    void aChildWithoutADateOfBirthKeepsTheCaseTheLongestReading() {
        assertThat(defaults.closedCase(closed, List.of(), true))
                .isEqualTo(new RetentionSchedule.Due(LocalDate.of(2051, 3, 31), RetentionSchedule.CLOSED_CASE_WITH_CHILDREN));
    }

    @Test
    void aPersonOnNoCaseIsDueSixYearsAfterTheLastChangeAndAChildNotBeforeTwentyFive() {
        LocalDate changed = LocalDate.of(2026, 1, 10);
        assertThat(defaults.personWithoutCase(changed, Optional.of(LocalDate.of(1980, 1, 1))))
                .isEqualTo(new RetentionSchedule.Due(LocalDate.of(2032, 1, 10), RetentionSchedule.PERSON_WITHOUT_CASE));
        assertThat(defaults.personWithoutCase(changed, Optional.of(LocalDate.of(2015, 6, 1))))
                .isEqualTo(new RetentionSchedule.Due(LocalDate.of(2040, 6, 1), RetentionSchedule.CHILD_WITHOUT_CASE));
        assertThat(defaults.personWithoutCase(changed, Optional.empty()).rule()).isEqualTo(RetentionSchedule.PERSON_WITHOUT_CASE);
    }

    @Test
    void thePeriodsAreConfigurationAndAreDescribedInWords() {
        RetentionSchedule local = new RetentionSchedule(Period.ofYears(10), 30, Period.ofYears(30), Period.ofYears(2),
                Period.ofMonths(6));
        assertThat(local.closedCase(closed, List.of(), false).dueOn()).isEqualTo(LocalDate.of(2036, 3, 31));
        assertThat(local.describe(RetentionSchedule.CLOSED_CASE)).isEqualTo("Closed case: kept 10 years after closure");
        assertThatThrownBy(() -> new RetentionSchedule(Period.ofYears(6), 16, Period.ofYears(25), Period.ofYears(6),
                Period.ofYears(1))).hasMessageContaining("children-until-age");
    }
}
