package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactsFromRecordsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static FactsFromRecords.AsVictim callout(LocalDate when) {
        return new FactsFromRecords.AsVictim(when, "POLICE_CALL_OUT", "STANDARD");
    }

    private static FactsFromRecords.AsVictim disclosure(LocalDate when, String severity) {
        return new FactsFromRecords.AsVictim(when, "PROMPTED_DISCLOSURE", severity);
    }

    @Test
    void anIncidentElevenMonthsAgoIsWithinTheLast12MonthsButOneExactly12MonthsAgoIsNot() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(callout(TODAY.minusMonths(11)), callout(TODAY.minusMonths(12))),
                List.of(), TODAY);
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(1);
        assertThat(facts.policeCalloutsLast12Months()).isEqualTo(1);
    }

    @Test
    void theDayAfterTheAnniversaryCounts() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(callout(TODAY.minusMonths(12).plusDays(1))), List.of(), TODAY);
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(1);
    }

    @Test
    void disclosuresCountAsIncidentsButNotAsCallouts() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(callout(TODAY), disclosure(TODAY.minusDays(3), "MINOR"),
                callout(TODAY.minusMonths(2))), List.of(), TODAY);
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(3);
        assertThat(facts.policeCalloutsLast12Months()).isEqualTo(2);
    }

    @Test
    void incidentsAfterTheReferenceDateAreIgnored() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(callout(TODAY.plusDays(1))), List.of(), TODAY);
        assertThat(facts.dvaIncidentsLast12Months()).isZero();
    }

    @Test
    void moreIncidentsInTheLastSixMonthsThanTheSixBeforeIsEscalation() {
        DerivedFacts rising = FactsFromRecords.derive(List.of(disclosure(TODAY.minusMonths(10), "MINOR"),
                disclosure(TODAY.minusMonths(2), "MINOR"), disclosure(TODAY.minusMonths(1), "MINOR")), List.of(), TODAY);
        DerivedFacts steady = FactsFromRecords.derive(List.of(disclosure(TODAY.minusMonths(10), "MINOR"),
                disclosure(TODAY.minusMonths(9), "MINOR"), disclosure(TODAY.minusMonths(1), "MINOR")), List.of(), TODAY);
        assertThat(rising.escalating()).isTrue();
        assertThat(steady.escalating()).isFalse();
    }

    @Test
    void aSeriousIncidentAfterLesserOnesIsEscalation() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(disclosure(TODAY.minusMonths(8), "MINOR"),
                disclosure(TODAY.minusMonths(7), "SERIOUS")), List.of(), TODAY);
        assertThat(facts.escalating()).isTrue();
    }

    @Test
    void twoIncidentsAgainstTheSameVictimMakeARepeatPerpetratorNotASerialOne() {
        UUID victim = UUID.randomUUID();
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), victim),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), victim)), TODAY);
        assertThat(facts.repeatPerpetrator()).isTrue();
        assertThat(facts.serialPerpetrator()).isFalse();
    }

    @Test
    void harmToTwoDifferentVictimsMakesASerialPerpetrator() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), UUID.randomUUID()),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), UUID.randomUUID())), TODAY);
        assertThat(facts.serialPerpetrator()).isTrue();
        assertThat(facts.repeatPerpetrator()).isFalse();
    }

    @Test
    void harmToHisMotherIsNotHarmToAnIntimatePartnerSoCountsTowardsNeitherDefinition() {
        UUID mother = UUID.randomUUID();
        UUID exPartner = UUID.randomUUID();
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), mother, mother, true),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), mother, mother, true),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), exPartner, exPartner, false)), TODAY);
        assertThat(facts.repeatPerpetrator()).as("two incidents, but against his mother").isFalse();
        assertThat(facts.serialPerpetrator()).as("one intimate partner victim").isFalse();

        UUID secondPartner = UUID.randomUUID();
        DerivedFacts withSecond = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), mother, mother, true),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), exPartner, exPartner, false),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), secondPartner, secondPartner, false)), TODAY);
        assertThat(withSecond.serialPerpetrator()).isTrue();
    }

    @Test
    void oneIncidentIsNeitherRepeatNorSerial() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), UUID.randomUUID())), TODAY);
        assertThat(facts.serialPerpetrator()).isFalse();
        assertThat(facts.repeatPerpetrator()).isFalse();
    }

    @Test
    void theSameEventRecordedByTwoAgenciesCountsOnce() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(callout(TODAY.minusDays(3)),
                new FactsFromRecords.AsVictim(TODAY.minusDays(3), "THIRD_PARTY_REPORT", "STANDARD")), List.of(), TODAY);
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(1);
        assertThat(facts.policeCalloutsLast12Months()).isEqualTo(1);
    }

    @Test
    void anIncidentRecordedByThePoliceCountsAsReportedToThePolice() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(
                new FactsFromRecords.AsVictim(TODAY.minusDays(3), "UNPROMPTED_DISCLOSURE", "STANDARD", true)), List.of(), TODAY);
        assertThat(facts.policeCalloutsLast12Months()).isEqualTo(1);
    }

    @Test
    void twoVictimsInOneIncidentDoNotMakeASerialPerpetrator() {
        UUID incident = UUID.randomUUID();
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(incident, UUID.randomUUID()),
                new FactsFromRecords.AsPersonCausingHarm(incident, UUID.randomUUID())), TODAY);
        assertThat(facts.serialPerpetrator()).isFalse();
    }

    @Test
    void relatedVictimsAreConnectedSoNotSerial() {
        UUID mother = UUID.randomUUID();
        UUID daughter = UUID.randomUUID();
        DerivedFacts facts = FactsFromRecords.derive(List.of(), List.of(
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), mother, mother),
                new FactsFromRecords.AsPersonCausingHarm(UUID.randomUUID(), daughter, mother)), TODAY);
        assertThat(facts.serialPerpetrator()).isFalse();
    }

    @Test
    void aSeriousAndAMinorIncidentOnTheSameDayAreNotEscalation() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(disclosure(TODAY.minusMonths(8), "SERIOUS"),
                disclosure(TODAY.minusMonths(8), "MINOR")), List.of(), TODAY);
        assertThat(facts.escalating()).isFalse();
    }

    @Test
    void quartersCoverTheLastTwoYearsEndingWithTheCurrentQuarter() {
        DerivedFacts facts = FactsFromRecords.derive(List.of(disclosure(LocalDate.of(2026, 10, 2), "MINOR"),
                disclosure(LocalDate.of(2025, 1, 5), "MINOR")), List.of(), TODAY);
        assertThat(facts.incidentsPerQuarter()).hasSize(8).containsEntry("2026 Q4", 1).containsEntry("2025 Q1", 1)
                .containsKey("2025 Q1").doesNotContainKey("2024 Q4");
    }
}
