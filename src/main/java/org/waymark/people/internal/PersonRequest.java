package org.waymark.people.internal;

import java.time.LocalDate;
import java.util.List;

import org.waymark.people.NewPerson;

/** A person's details as the API receives them. */
record PersonRequest(String givenName, String middleNames, String familyName, List<String> previousNames,
                     LocalDate dateOfBirth, String sex, String address, String postcode, Boolean addressRestricted,
                     String phone, Boolean phoneRestricted, String nhsNumber, List<String> aliases) {

    NewPerson toNewPerson() {
        return new NewPerson(givenName, middleNames, familyName,
                previousNames == null ? List.of() : previousNames.stream().filter(n -> n != null).toList(),
                dateOfBirth, sex, address, postcode, Boolean.TRUE.equals(addressRestricted), phone,
                Boolean.TRUE.equals(phoneRestricted), nhsNumber,
                aliases == null ? List.of() : aliases.stream().filter(n -> n != null).toList());
    }
}
