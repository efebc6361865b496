package org.waymark.platform;

import java.util.UUID;

/**
 * Whether the acting user has a legitimate relationship with a record. The records modules ask; the
 * cases module answers (its agencies involved, allocated workers and break-glass grants), so the access
 * model lives in one place and the records modules do not depend on cases.
 */
public interface NeedToKnow {

    /** How the actor may see a person record. */
    PersonAccess person(Actor actor, UUID personId);

    /** How the actor may see an incident. */
    IncidentAccess incident(Actor actor, UUID incidentId);

    /**
     * Whether the actor works with the person causing harm with respect to any of these records (their
     * agency is a perpetrator programme or probation, or any tie they have to a case holding one of the
     * records, or a record linked to one as the same person, is on the side of the person causing harm).
     */
    boolean perpetratorSide(Actor actor, java.util.Collection<UUID> personIds);

    /**
     * @param visible           the record may be shown at all (otherwise: 404, audited)
     * @param restrictedVisible restricted values (safe address, new phone) may be shown; otherwise "withheld"
     * @param perpetratorSide   the actor works with the person causing harm in a case this person is part of
     * @param basis             why: RECORDED_BY_AGENCY, CASE_INVOLVEMENT, ALLOCATED_WORKER or BREAK_GLASS
     */
    record PersonAccess(boolean visible, boolean restrictedVisible, boolean perpetratorSide, String basis) {

        public static final PersonAccess NONE = new PersonAccess(false, false, false, null);
    }

    /**
     * @param full               the whole record (the account, abuse types, how it came to light)
     * @param summary            only that it happened: when, which agency, roles, severity
     * @param restrictedVisible  a restricted location may be shown
     */
    record IncidentAccess(boolean full, boolean summary, boolean restrictedVisible) {

        public static final IncidentAccess NONE = new IncidentAccess(false, false, false);
    }
}
