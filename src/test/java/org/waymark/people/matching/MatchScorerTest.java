package org.waymark.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of difference agencies make when recording the same woman, and the pairs that
 * must not match (twins, namesakes, a father and son). Scored as if searching a population of one
 * million people, with default UK name frequencies.
 */
class MatchScorerTest {

    private final MatchScorer scorer = MatchScorer.defaults(1_000_000);

    private static PersonRecord.Builder catherine(String id) {
        return PersonRecord.builder(id).givenName("Catherine").surname("Jones").dateOfBirth("1985-03-07").sex("F")
                .address("12 High Street, Leeds").postcode("LS6 2AB").phone("07700 900123").nhsNumber("943 476 5919");
    }

    private MatchResult compareWithVariant(UnaryOperator<PersonRecord.Builder> change) {
        return scorer.compare(catherine("a").build(), change.apply(catherine("b")).build());
    }

    private static boolean hasReason(MatchResult r, String field, MatchReason.Kind kind) {
        return r.reasons().stream().anyMatch(x -> x.field().equals(field) && x.kind() == kind);
    }

    @Test
    void identicalRecordsMatchWithCertainty() {
        MatchResult r = compareWithVariant(b -> b);
        assertThat(r.match()).isTrue();
        assertThat(r.probability()).isGreaterThan(0.999);
        assertThat(hasReason(r, "nhs_number", MatchReason.Kind.SAME_NHS_NUMBER)).isTrue();
        assertThat(r.reasons()).allMatch(x -> x.weight() > 0);
    }

    @Test
    void onlyTwoValidNhsNumbersThatDifferRuleThePairOut() {
        // two differently mistyped copies of 943 476 5919 (both fail the check digit) are three digits
        // apart: different numbers, but not proof of different people
        PreparedRecord oneDigit = PreparedRecord.of(catherine("a").nhsNumber("943 476 5918").build());
        PreparedRecord swapped = PreparedRecord.of(catherine("b").nhsNumber("934 476 5919").build());
        assertThat(scorer.assess(oneDigit, swapped)[3]).isZero();
        PreparedRecord valid = PreparedRecord.of(catherine("c").build());
        PreparedRecord otherValid = PreparedRecord.of(catherine("d").nhsNumber("401 023 2137").build());
        assertThat(scorer.assess(valid, otherValid)[3]).isEqualTo(1.0);
    }

    @Test
    void someoneKnownByTheirMiddleNameWrittenAnotherWayStillMatches() {
        // Charlotte Catherine to one agency, Cathryn to another: same date of birth and town, nothing else
        PersonRecord formal = PersonRecord.builder("a").givenName("Charlotte").middleNames("Catherine").surname("Bennett")
                .dateOfBirth("2006-08-27").sex("F").address("Birmingham").build();
        PersonRecord known = PersonRecord.builder("b").givenName("Cathryn").surname("Bennett").dateOfBirth("2006-08-27")
                .sex("F").address("Birmingham").build();
        MatchResult r = scorer.compare(formal, known);
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.MIDDLE_OR_ALIAS
                && x.text().contains("form of the middle name Catherine"));
        assertThat(r.match()).isTrue();
        // An unrelated middle name is no such evidence.
        MatchResult unrelated = scorer.compare(PersonRecord.builder("c").givenName("Charlotte").middleNames("Rose")
                .surname("Bennett").dateOfBirth("2006-08-27").sex("F").address("Birmingham").build(), known);
        assertThat(unrelated.reasons()).noneMatch(x -> x.kind() == MatchReason.Kind.MIDDLE_OR_ALIAS);
    }

    @Test
    void aTypoInTheGivenNameStillMatches() {
        MatchResult r = compareWithVariant(b -> b.givenName("Catherime").nhsNumber(null));
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "given_name", MatchReason.Kind.TYPO)).isTrue();
    }

    @Test
    void twoTransposedLettersInTheSurnameStillMatch() {
        MatchResult r = compareWithVariant(b -> b.surname("Jnoes").nhsNumber(null).phone(null));
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "surname", MatchReason.Kind.TYPO)).isTrue();
    }

    @Test
    void aNicknameMatchesTheFormalNameAndSaysSo() {
        MatchResult r = compareWithVariant(b -> b.givenName("Katie").nhsNumber(null).phone(null));
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.NICKNAME
                && x.text().equals("Given name Katie is a short form or variant of Catherine"));
    }

    @Test
    void aSurnameSpeltAsItSoundsMatches() {
        MatchResult a = scorer.compare(
                PersonRecord.builder("a").givenName("Sarah").surname("Phillips").dateOfBirth("1990-05-20").build(),
                PersonRecord.builder("b").givenName("Sarah").surname("Fillips").dateOfBirth("1990-05-20").build());
        assertThat(a.match()).isTrue();
        assertThat(hasReason(a, "surname", MatchReason.Kind.PHONETIC)).isTrue();
    }

    @Test
    void aTransliterationVariantOfTheGivenNameMatches() {
        MatchResult r = scorer.compare(
                PersonRecord.builder("a").givenName("Mohammed").surname("Hussain").dateOfBirth("1979-11-02")
                        .postcode("B11 1AA").build(),
                PersonRecord.builder("b").givenName("Muhammad").surname("Hussein").dateOfBirth("1979-11-02")
                        .postcode("B11 1AA").build());
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "given_name", MatchReason.Kind.NICKNAME)).isTrue();
    }

    @Test
    void givenAndFamilyNamesWrittenTheOtherWayRoundMatch() {
        MatchResult r = compareWithVariant(b -> b.givenName("Jones").surname("Catherine").nhsNumber(null));
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.SWAPPED_NAMES);
    }

    @Test
    void dayAndMonthSwappedInTheDateOfBirthMatches() {
        MatchResult r = compareWithVariant(b -> b.dateOfBirth("1985-07-03").nhsNumber(null));
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.DAY_MONTH_SWAPPED
                && x.text().equals("Date of birth matches with day and month swapped"));
    }

    @Test
    void oneDigitWrongInTheDateOfBirthMatches() {
        MatchResult r = compareWithVariant(b -> b.dateOfBirth("1985-03-17").nhsNumber(null).phone(null));
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "date_of_birth", MatchReason.Kind.ONE_DIGIT_DIFFERENT)).isTrue();
    }

    @Test
    void missingFieldsAreNeitherForNorAgainst() {
        PersonRecord sparse = PersonRecord.builder("b").givenName("Catherine").surname("Jones")
                .dateOfBirth("1985-03-07").build();
        MatchResult r = scorer.compare(catherine("a").build(), sparse);
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).extracting(MatchReason::field)
                .containsExactlyInAnyOrder("given_name", "surname", "date_of_birth");
    }

    @Test
    void aMarriedSurnameWithTheMaidenNameAsPreviousNameMatches() {
        MatchResult r = compareWithVariant(b -> b.surname("Smith").otherNames("Jones").nhsNumber(null)
                .address("4 Mill Lane, Bradford").postcode("BD1 1AA").phone(null));
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "surname", MatchReason.Kind.PREVIOUS_NAME)).isTrue();
    }

    @Test
    void anAddressWrittenDifferentlyIsTheSameAddress() {
        MatchResult r = compareWithVariant(b -> b.address("12 HIGH ST LEEDS").postcode("ls62ab").nhsNumber(null));
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.SAME_ADDRESS
                && x.text().startsWith("Same address"));
        MatchResult reworded = compareWithVariant(b -> b.address("12 High Street").postcode("LS6 2AB").nhsNumber(null));
        assertThat(reworded.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.SAME_ADDRESS
                && x.text().equals("Same address, written differently and postcode"));
    }

    @Test
    void aPostcodeOneCharacterOutIsNoticed() {
        MatchResult r = compareWithVariant(b -> b.address(null).postcode("LS6 2AP").nhsNumber(null));
        assertThat(r.match()).isTrue();
        assertThat(r.reasons()).anyMatch(x -> x.kind() == MatchReason.Kind.POSTCODE_ONE_CHARACTER
                && x.text().equals("Postcode differs by one character"));
    }

    @Test
    void aMistypedNhsNumberThatFailsItsCheckDigitCountsAsTheSameNumber() {
        assertThat(NhsNumbers.isValid("9434765991")).isFalse();
        MatchResult r = compareWithVariant(b -> b.nhsNumber("9434765991"));
        assertThat(r.match()).isTrue();
        assertThat(hasReason(r, "nhs_number", MatchReason.Kind.NHS_NUMBER_MISTYPED)).isTrue();
    }

    @Test
    void twoValidNhsNumbersThatDifferAreEvidenceAgainst() {
        assertThat(NhsNumbers.isValid("6541003238")).isTrue();
        MatchResult same = compareWithVariant(b -> b);
        MatchResult other = compareWithVariant(b -> b.nhsNumber("654 100 3238"));
        assertThat(other.reasons()).anyMatch(x -> x.field().equals("nhs_number")
                && x.kind() == MatchReason.Kind.DIFFERENT && x.weight() < 0);
        assertThat(other.weight()).isLessThan(same.weight());
    }

    @Test
    void twinsOfDifferentSexAndGivenNameDoNotMatch() {
        PersonRecord brother = PersonRecord.builder("b").givenName("Robert").surname("Jones").dateOfBirth("1985-03-07")
                .sex("M").address("12 High Street, Leeds").postcode("LS6 2AB").build();
        MatchResult r = scorer.compare(catherine("a").nhsNumber(null).phone(null).build(), brother);
        assertThat(r.match()).isFalse();
        assertThat(r.probability()).isLessThan(0.1);
    }

    @Test
    void twinSistersDoNotMatch() {
        PersonRecord sister = PersonRecord.builder("b").givenName("Emma").surname("Jones").dateOfBirth("1985-03-07")
                .sex("F").address("12 High Street, Leeds").postcode("LS6 2AB").build();
        MatchResult r = scorer.compare(catherine("a").nhsNumber(null).phone(null).build(), sister);
        assertThat(r.match()).isFalse();
    }

    @Test
    void namesakesWithDifferentDatesOfBirthAndAddressesDoNotMatch() {
        PersonRecord namesake = PersonRecord.builder("b").givenName("Catherine").surname("Jones")
                .dateOfBirth("1962-11-23").sex("F").address("7 Church Road, Bristol").postcode("BS3 4QT").build();
        MatchResult r = scorer.compare(catherine("a").build(), namesake);
        assertThat(r.match()).isFalse();
        assertThat(r.probability()).isLessThan(0.05);
    }

    @Test
    void aFatherAndSonOfTheSameNameDoNotMatch() {
        PersonRecord father = PersonRecord.builder("a").givenName("John").surname("Smith").dateOfBirth("1960-04-02")
                .sex("M").address("3 Park Lane, Hull").postcode("HU1 2AB").build();
        PersonRecord son = PersonRecord.builder("b").givenName("John").surname("Smith").dateOfBirth("1990-09-15")
                .sex("M").address("3 Park Lane, Hull").postcode("HU1 2AB").build();
        assertThat(scorer.compare(father, son).match()).isFalse();
    }

    @Test
    void reasonsAreOrderedStrongestFirst() {
        MatchResult r = compareWithVariant(b -> b.givenName("Katie"));
        for (int i = 1; i < r.reasons().size(); i++) {
            assertThat(Math.abs(r.reasons().get(i - 1).weight())).isGreaterThanOrEqualTo(
                    Math.abs(r.reasons().get(i).weight()));
        }
    }

    @Test
    void aBlankRecordHasNoEvidenceEitherWay() {
        MatchResult r = scorer.compare(catherine("a").build(), PersonRecord.builder("b").build());
        assertThat(r.reasons()).isEmpty();
        assertThat(r.weight()).isEqualTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.match()).isFalse();
    }
}
