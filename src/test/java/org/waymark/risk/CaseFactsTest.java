package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFactsTest {

    private static CaseFacts withCounts(Integer callouts, Integer incidents) {
        return new CaseFacts(null, null, null, null, null, null, null, false, callouts, incidents, null, null, null, false);
    }

    @ParameterizedTest(name = "call-outs {0}, incidents {1} -> {2}, {3}")
    @CsvSource(nullValues = "null", value = {
            "null, null, 0, 1",
            "0,    null, 0, 1",
            "4,    null, 4, 4",
            "2,    5,    2, 5",
            "null, 3,    0, 3"
    })
    void missingCountsTakeTheContractDefaults(Integer callouts, Integer incidents, int expectedCallouts,
                                              int expectedIncidents) {
        CaseFacts facts = withCounts(callouts, incidents);

        assertThat(facts.policeCalloutsLast12Months()).isEqualTo(expectedCallouts);
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(expectedIncidents);
    }

    @Test
    void missingObjectsMeanNothingKnown() {
        CaseFacts facts = withCounts(null, null);

        assertThat(facts.victim().ageYears()).isNull();
        assertThat(facts.victim().pregnant()).isFalse();
        assertThat(facts.perpetrator().mappaLevel()).isZero();
        assertThat(facts.children()).isEmpty();
        assertThat(facts.incident().severity()).isNull();
        assertThat(facts.incident().criminalJusticeOutcome()).isNull();
        assertThat(facts.household().parentalMentalIllHealth()).isFalse();
        assertThat(facts.dash()).as("no DASH completed").isNull();
        assertThat(facts.monthsSinceLastMaracReferral()).as("never referred").isNull();
    }

    @Test
    void everyFieldOutOfRangeIsNamed() {
        List<CaseFacts.Child> children = Arrays.asList(
                new CaseFacts.Child(4, false, true, false, false, false, false, false),
                new CaseFacts.Child(-1, false, true, false, false, false, false, false),
                null);

        assertThatThrownBy(() -> new CaseFacts(null,
                new CaseFacts.Victim(-3, false, false),
                new CaseFacts.Perpetrator(200, 5),
                children, null, null, null, false, -1, -2, -4, null, 0, false))
                .isInstanceOf(InvalidCaseFactsException.class)
                .satisfies(e -> assertThat(((InvalidCaseFactsException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("victim.ageYears", "perpetrator.ageYears", "perpetrator.mappaLevel",
                                "children[1].ageYears", "children[2]", "policeCalloutsLast12Months",
                                "dvaIncidentsLast12Months", "monthsSinceLastMaracReferral", "dvrimScale"));
    }

    @Test
    void dvrimScaleMustBeOneToFour() {
        assertThatThrownBy(() -> Case.adultVictim().dvrim(5).build()).isInstanceOf(InvalidCaseFactsException.class);
        assertThat(Case.adultVictim().dvrim(4).build().dvrimScale()).isEqualTo(4);
    }

    @Test
    void mappaLevelThreeIsTheHighest() {
        assertThat(Case.adultVictim().mappaLevel(3).build().perpetrator().mappaLevel()).isEqualTo(3);
        assertThatThrownBy(() -> Case.adultVictim().mappaLevel(4).build())
                .hasMessageContaining("perpetrator.mappaLevel");
    }

    @Test
    void anUnbornChildIsAChildUnderTwelveMonthsInTheHouseholdWhateverItsOtherFlags() {
        CaseFacts.Child unborn = new CaseFacts.Child(0, true, false, false, false, false, false, false);

        assertThat(unborn.isChild()).isTrue();
        assertThat(unborn.isChildInHousehold()).isTrue();
        assertThat(unborn.isUnder12Months()).isTrue();
    }

    @Test
    void aPregnantVictimMeansAnUnbornChildInTheHousehold() {
        CaseFacts facts = Case.adultVictim().pregnantVictim().build();

        assertThat(facts.hasUnbornChild()).isTrue();
        assertThat(facts.hasChildInHousehold()).isTrue();
        assertThat(facts.hasBabyUnder12MonthsInHousehold()).as("unborn is not a born baby").isFalse();
    }

    @Test
    void anEighteenYearOldIsNotAChild() {
        CaseFacts facts = Case.adultVictim().child(Case.Kid.aged(18)).build();

        assertThat(facts.hasAnyChild()).isFalse();
        assertThat(facts.hasChildInHousehold()).isFalse();
    }

    @Test
    void dashAnswersCannotBeChangedAfterwards() {
        CaseFacts facts = Case.adultVictim().dashWithYes(3).build();

        assertThatThrownBy(() -> facts.dash().answers().put(5, Answer.YES))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
