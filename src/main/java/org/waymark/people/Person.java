package org.waymark.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person record as its own agency sees it. */
public record Person(UUID id, String givenName, String middleNames, String familyName, List<String> previousNames,
                     LocalDate dateOfBirth, String sex, String address, String postcode, boolean addressRestricted,
                     String phone, boolean phoneRestricted, String nhsNumber, UUID agencyId, String agencyName,
                     Instant createdAt, List<Link> links) {

    /** A decision that this record and another are the same person. */
    public record Link(UUID linkId, UUID otherPersonId, String otherAgencyName, boolean otherVisible,
                       String otherName, Double score, String decidedBy, Instant decidedAt) {
    }

    public String displayName() {
        return String.join(" ", java.util.stream.Stream.of(givenName, middleNames, familyName)
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
