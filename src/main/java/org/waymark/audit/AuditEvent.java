package org.waymark.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded row of the audit trail, as an administrator sees it. */
public record AuditEvent(long id, Instant occurredAt, UUID actorUserId, String actorUsername, UUID actorAgencyId,
                         String action, String objectType, String objectId, AuditOutcome outcome,
                         String clientAddress, Map<String, String> details) {
}
