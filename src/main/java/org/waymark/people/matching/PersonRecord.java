package org.waymark.people.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person as one agency recorded them. All fields except {@code id} may be null. The raw date of
 * birth is kept as written (for partial matching and for reporting); {@code dateOfBirth} is the
 * parsed date, null when the raw value is blank, a placeholder or malformed.
 *
 * @param otherNames aliases and previous names (the CSV column separates them with ';')
 */
public record PersonRecord(
        String id,
        String givenName,
        String middleNames,
        String surname,
        List<String> otherNames,
        String dateOfBirthRaw,
        LocalDate dateOfBirth,
        String sex,
        String address,
        String postcode,
        String phone,
        String nhsNumber,
        String reference) {

    public PersonRecord {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }

    /** Builds a record, parsing the date of birth from its raw form. */
    public static PersonRecord of(String id, String givenName, String middleNames, String surname, String otherNames,
            String dateOfBirthRaw, String sex, String address, String postcode, String phone, String nhsNumber,
            String reference) {
        return new PersonRecord(id, blankToNull(givenName), blankToNull(middleNames), blankToNull(surname),
                splitOtherNames(otherNames), blankToNull(dateOfBirthRaw), DatesOfBirth.parse(dateOfBirthRaw).date(),
                blankToNull(sex), blankToNull(address), blankToNull(postcode), blankToNull(phone),
                blankToNull(nhsNumber), blankToNull(reference));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Splits "Smith; Jones" into its names. */
    public static List<String> splitOtherNames(String raw) {
        List<String> out = new ArrayList<>(2);
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split("[;|]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A fluent builder, convenient in tests and in the intake form mapping. */
    public static final class Builder {
        private final String id;
        private String givenName;
        private String middleNames;
        private String surname;
        private String otherNames;
        private String dateOfBirth;
        private String sex;
        private String address;
        private String postcode;
        private String phone;
        private String nhsNumber;
        private String reference;

        private Builder(String id) {
            this.id = id;
        }

        public Builder givenName(String v) {
            givenName = v;
            return this;
        }

        public Builder middleNames(String v) {
            middleNames = v;
            return this;
        }

        public Builder surname(String v) {
            surname = v;
            return this;
        }

        /** Aliases and previous names separated by ';'. */
        public Builder otherNames(String v) {
            otherNames = v;
            return this;
        }

        public Builder dateOfBirth(String v) {
            dateOfBirth = v;
            return this;
        }

        public Builder sex(String v) {
            sex = v;
            return this;
        }

        public Builder address(String v) {
            address = v;
            return this;
        }

        public Builder postcode(String v) {
            postcode = v;
            return this;
        }

        public Builder phone(String v) {
            phone = v;
            return this;
        }

        public Builder nhsNumber(String v) {
            nhsNumber = v;
            return this;
        }

        public Builder reference(String v) {
            reference = v;
            return this;
        }

        public PersonRecord build() {
            return of(id, givenName, middleNames, surname, otherNames, dateOfBirth, sex, address, postcode, phone,
                    nhsNumber, reference);
        }
    }
}
