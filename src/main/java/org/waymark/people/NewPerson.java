package org.waymark.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as a practitioner records them at intake. Everything but a name is optional. A restricted
 * address or phone (a refuge, a new number) is stored but never used for matching and never shown in
 * match reasons.
 */
public record NewPerson(String givenName, String middleNames, String familyName, List<String> previousNames,
                        LocalDate dateOfBirth, String sex, String address, String postcode, boolean addressRestricted,
                        String phone, boolean phoneRestricted, String nhsNumber) {

    public NewPerson {
        previousNames = previousNames == null ? List.of() : List.copyOf(previousNames);
    }
}
