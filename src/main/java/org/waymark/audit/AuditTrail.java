package org.waymark.audit;

import java.util.List;

import org.waymark.platform.Actor;

/** The audit module's API. */
public interface AuditTrail {

    /**
     * Records an entry for the current actor in the caller's transaction, so the row and the business
     * write commit or roll back together. If the row cannot be written, the caller's work fails too.
     */
    void record(AuditEntry entry);

    /**
     * Records an entry in its own transaction: for refused access and failed attempts, which must be
     * kept even though the request that caused them changes nothing.
     */
    void recordIndependently(AuditEntry entry);

    /** As {@link #recordIndependently(AuditEntry)} for an actor who is not (yet) the security context's. */
    void recordIndependently(Actor actor, String username, AuditEntry entry);

    /**
     * The rows about one object (e.g. a person record), newest first: for the report of who accessed a record
     * given to its subject. Not audited and not checked here: the caller has checked the actor may see the
     * object and audits the report it makes.
     */
    List<AuditEvent> about(String objectType, String objectId, int limit);

    /** Searches the trail (administrators only); the search itself is audited. */
    List<AuditEvent> search(AuditQuery query);
}
