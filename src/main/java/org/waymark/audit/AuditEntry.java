package org.waymark.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What a module asks the audit trail to record. Details must never hold personal data values
 * (names, addresses, narratives): ids and field names only.
 */
public record AuditEntry(String action, String objectType, String objectId, AuditOutcome outcome,
                         Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEntry allowed(String action, String objectType, Object objectId) {
        return new AuditEntry(action, objectType, idOf(objectId), AuditOutcome.ALLOWED, Map.of());
    }

    public static AuditEntry refused(String action, String objectType, Object objectId, String reason) {
        return new AuditEntry(action, objectType, idOf(objectId), AuditOutcome.REFUSED, Map.of("reason", reason));
    }

    public AuditEntry with(String key, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(details);
        copy.put(key, value);
        return new AuditEntry(action, objectType, objectId, outcome, copy);
    }

    private static String idOf(Object id) {
        return id == null ? null : (id instanceof UUID uuid ? uuid.toString() : String.valueOf(id));
    }
}
