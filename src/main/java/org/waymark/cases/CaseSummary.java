package org.waymark.cases;

import java.time.Instant;
import java.util.UUID;

/** A case at a glance: its reference, the victim it is centred on and the lead agency. */
public record CaseSummary(UUID id, String reference, String status, UUID victimPersonId, String victimName,
                          UUID leadAgencyId, String leadAgencyName, Instant openedAt, int version) {
}
