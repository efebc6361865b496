package org.waymark.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person record as the caller may see it. A restricted address or phone the caller has no need to know
 * is withheld: its value is absent and {@code addressWithheld}/{@code phoneWithheld} say so, so no page
 * or response can show a blank that hides the fact. {@code seenAs} says why the caller can see the record.
 */
public record Person(UUID id, String givenName, String middleNames, String familyName, List<String> previousNames,
                     List<String> aliases,
                     LocalDate dateOfBirth, String sex, String address, String postcode, boolean addressRestricted,
                     boolean addressWithheld, String phone, boolean phoneRestricted, boolean phoneWithheld,
                     String nhsNumber, UUID agencyId, String agencyName, Instant createdAt, List<Link> links,
                     String seenAs) {

    /** A decision that this record and another are the same person. */
    public record Link(UUID linkId, UUID otherPersonId, String otherAgencyName, boolean otherVisible,
                       String otherName, Double score, String decidedBy, Instant decidedAt) {
    }

    public String displayName() {
        return String.join(" ", java.util.stream.Stream.of(givenName, middleNames, familyName)
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
