package org.waymark.audit;

/** Whether the audited attempt went ahead. */
public enum AuditOutcome {
    /** The action was allowed and done. */
    ALLOWED,
    /** The caller had no right to it; nothing was shown or changed. */
    REFUSED,
    /** The attempt failed, for example a wrong password. */
    FAILED
}
