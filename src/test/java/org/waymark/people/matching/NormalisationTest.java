package org.waymark.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void namesAreFoldedToLowerCaseAsciiWithoutPunctuation() {
        assertThat(Names.normalise("  Kamiński ")).isEqualTo("kaminski");
        assertThat(Names.normalise("O'Brien")).isEqualTo("obrien");
        assertThat(Names.normalise("Smith-Jones")).isEqualTo("smith jones");
        assertThat(Names.normalise("ŁUKASZ")).isEqualTo("lukasz");
        assertThat(Names.normalise("Zoë")).isEqualTo("zoe");
        assertThat(Names.normalise("   ")).isNull();
        assertThat(Names.normalise(null)).isNull();
    }

    @Test
    void ukPostcodesAreFormattedOutwardSpaceInward() {
        assertThat(Postcodes.normalise("s10ue")).isEqualTo("S1 0UE");
        assertThat(Postcodes.normalise("BS367FQ")).isEqualTo("BS36 7FQ");
        assertThat(Postcodes.normalise("ec1a 1bb")).isEqualTo("EC1A 1BB");
        assertThat(Postcodes.outward("BS36 7FQ")).isEqualTo("BS36");
        assertThat(Postcodes.area("BS36 7FQ")).isEqualTo("BS");
        assertThat(Postcodes.isValidUk("GIR 0AA")).isTrue();
        assertThat(Postcodes.isValidUk("W1A 0AX")).isTrue();
    }

    @Test
    void aValueThatIsNotAUkPostcodeIsKeptForComparison() {
        assertThat(Postcodes.normalise("2450")).isEqualTo("2450");
        assertThat(Postcodes.isValidUk("2450")).isFalse();
        assertThat(Postcodes.outward("2450")).isNull();
        assertThat(Postcodes.normalise(" ")).isNull();
    }

    @Test
    void phoneNumbersBecomeNationalUkForm() {
        assertThat(Phones.normalise("+44 7700 900123")).isEqualTo("07700900123");
        assertThat(Phones.normalise("0044 7700 900123")).isEqualTo("07700900123");
        assertThat(Phones.normalise("+44 (0)7700 900123")).isEqualTo("07700900123");
        assertThat(Phones.normalise("07700-900-123")).isEqualTo("07700900123");
        assertThat(Phones.normalise("7700900123")).isEqualTo("07700900123");
        assertThat(Phones.isMobile("07700900123")).isTrue();
        assertThat(Phones.isMobile("01132 496000")).isFalse();
        assertThat(Phones.normalise("12")).isNull();
    }

    @Test
    void nhsNumbersAreCheckedWithTheModulus11CheckDigit() {
        assertThat(NhsNumbers.isValid("943 476 5919")).isTrue();
        assertThat(NhsNumbers.isValid("6541003238")).isTrue();
        assertThat(NhsNumbers.isValid("671-668-9966")).isTrue();
        assertThat(NhsNumbers.isValid("0000000001")).isFalse();
        // quoted as examples in some READMEs, but they fail the check
        assertThat(NhsNumbers.isValid("999 123 4560")).isFalse();
        assertThat(NhsNumbers.isValid("987 654 4321")).isFalse();
        // one digit wrong, and two adjacent digits swapped, are always detected
        assertThat(NhsNumbers.isValid("9434765918")).isFalse();
        assertThat(NhsNumbers.isValid("9434765991")).isFalse();
        assertThat(NhsNumbers.normalise("943476591")).isNull();
        assertThat(NhsNumbers.format("9434765919")).isEqualTo("943 476 5919");
    }

    @Test
    void datesOfBirthInTheContractFormatAreParsedAndOthersCounted() {
        DatesOfBirth.Parsed iso = DatesOfBirth.parse("1985-03-07");
        assertThat(iso.quality()).isEqualTo(DatesOfBirth.Quality.ISO);
        assertThat(iso.date()).hasYear(1985).hasMonthValue(3).hasDayOfMonth(7);

        DatesOfBirth.Parsed uk = DatesOfBirth.parse("07/03/1985");
        assertThat(uk.quality()).isEqualTo(DatesOfBirth.Quality.RECOVERED);
        assertThat(uk.digits()).isEqualTo("19850307");

        assertThat(DatesOfBirth.parse("1900-01-01").quality()).isEqualTo(DatesOfBirth.Quality.PLACEHOLDER);
        assertThat(DatesOfBirth.parse("unknown").quality()).isEqualTo(DatesOfBirth.Quality.MALFORMED);
        assertThat(DatesOfBirth.parse("").quality()).isEqualTo(DatesOfBirth.Quality.MISSING);

        // an impossible date keeps its digits for one-digit comparison but has no date
        DatesOfBirth.Parsed impossible = DatesOfBirth.parse("1985-02-30");
        assertThat(impossible.quality()).isEqualTo(DatesOfBirth.Quality.MALFORMED);
        assertThat(impossible.digits()).isEqualTo("19850230");
        assertThat(impossible.date()).isNull();
    }

    @Test
    void addressesAreTokenisedWithStreetWordsAbbreviatedOneWay() {
        assertThat(Addresses.tokens("12 High Street, Leeds")).containsExactly("12", "high", "st", "leeds");
        assertThat(Addresses.tokens("12 high st. leeds")).containsExactly("12", "high", "st", "leeds");
        assertThat(Addresses.houseNumber(Addresses.tokens("Flat 2, 14a Orchard Road"))).isEqualTo("14a");
        assertThat(Addresses.houseNumber(Addresses.tokens("Flat 2, Orchard House"))).isEqualTo("2");
        assertThat(Addresses.streetWord(Addresses.tokens("Flat 2, 14a Orchard Road"))).isEqualTo("orchard");
        assertThat(Addresses.streetWord(Addresses.tokens("14a Orchard Road"))).isEqualTo("orchard");
        assertThat(Addresses.tokens(" ")).isEmpty();
    }
}
