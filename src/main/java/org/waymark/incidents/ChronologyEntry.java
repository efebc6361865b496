package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One event in a person's chronology. An incident another agency recorded shows only when, which
 * agency, how it came to light, how serious and the person's role: its narrative stays with that agency.
 */
public record ChronologyEntry(UUID incidentId, LocalDate occurredOn, String agencyName, boolean ownAgency,
                              String cameToLight, String severity, List<String> roles, List<String> abuseTypes,
                              String narrative) {
}
