package org.waymark.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as a practitioner records them at intake. Everything but a name is optional. A restricted
 * address or phone (a refuge, a new number) is stored but never used for matching and never shown in
 * match reasons. Aliases are other names the person is known by, in full ("Kate Jones").
 */
public record NewPerson(String givenName, String middleNames, String familyName, List<String> previousNames,
                        LocalDate dateOfBirth, String sex, String address, String postcode, boolean addressRestricted,
                        String phone, boolean phoneRestricted, String nhsNumber, List<String> aliases) {

    public NewPerson {
        previousNames = previousNames == null ? List.of() : List.copyOf(previousNames);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A person without aliases. */
    public NewPerson(String givenName, String middleNames, String familyName, List<String> previousNames,
                     LocalDate dateOfBirth, String sex, String address, String postcode, boolean addressRestricted,
                     String phone, boolean phoneRestricted, String nhsNumber) {
        this(givenName, middleNames, familyName, previousNames, dateOfBirth, sex, address, postcode, addressRestricted,
                phone, phoneRestricted, nhsNumber, List.of());
    }

    /** Previous surnames and aliases (full names such as "Kate Jones"), as the matcher compares them. */
    public List<String> otherNames() {
        List<String> all = new java.util.ArrayList<>(previousNames);
        all.addAll(aliases);
        return all;
    }
}
