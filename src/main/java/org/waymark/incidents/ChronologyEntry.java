package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One event in a person's chronology. Without a need to know (no shared case), an incident another agency
 * recorded shows only when, which agency, how serious and the person's role: how it came to light, the
 * abuse types and the account stay with that agency ({@code full} is false).
 */
public record ChronologyEntry(UUID incidentId, LocalDate occurredOn, String agencyName, boolean ownAgency,
                              String cameToLight, String severity, List<String> roles, List<String> abuseTypes,
                              String narrative, boolean full) {
}
