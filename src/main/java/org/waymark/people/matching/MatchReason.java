package org.waymark.people.matching;

/**
 * One piece of evidence for or against two records being the same person, in plain words.
 *
 * @param field  the field compared, named as in the person CSV ("given_name", "date_of_birth", ...)
 * @param kind   what was found
 * @param text   plain English, e.g. "Given name Katie is a short form of Catherine"
 * @param weight the evidence in bits (log2 of the likelihood ratio); negative weighs against a match
 */
public record MatchReason(String field, Kind kind, String text, double weight) {

    /** What a comparison found. */
    public enum Kind {
        EXACT,
        SAME_DATE_OF_BIRTH,
        DAY_MONTH_SWAPPED,
        ONE_DIGIT_DIFFERENT,
        PARTLY_SAME_DATE_OF_BIRTH,
        NICKNAME,
        PHONETIC,
        TYPO,
        INITIAL,
        MIDDLE_OR_ALIAS,
        SWAPPED_NAMES,
        PREVIOUS_NAME,
        SAME_ADDRESS,
        SIMILAR_ADDRESS,
        SAME_POSTCODE,
        POSTCODE_ONE_CHARACTER,
        SAME_NHS_NUMBER,
        NHS_NUMBER_MISTYPED,
        SAME_PHONE,
        PHONE_ONE_DIGIT,
        SAME_REFERENCE,
        SIMILAR_REFERENCE,
        SAME_SEX,
        DIFFERENT
    }

    public boolean supportsMatch() {
        return weight > 0;
    }
}
