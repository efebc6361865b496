package org.waymark.audit;

import java.time.Instant;

/** Filters for searching the audit trail; null means any. */
public record AuditQuery(String actorUsername, String action, String objectType, String objectId,
                         AuditOutcome outcome, Instant from, Instant to, int limit) {

    public AuditQuery {
        limit = limit <= 0 ? 100 : Math.min(limit, 1000);
    }
}
