package org.waymark.marac;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.NotFoundException;

/**
 * Who may see a MARAC referral or meeting. A referral is seen in full by agencies with need to know her
 * record through the case (the referrer, the MARAC coordination, police and IDVA service, agencies given an
 * action) unless they work with the person causing harm; at agenda level by the area's member agencies once
 * it is listed at a meeting, by agencies given a copy (the MASH), and by the perpetrator side. A meeting is
 * for the area's member agencies. Anyone else gets 404, and the attempt is audited.
 */
@Component
class MaracAccess {

    static final String REFERRAL = "MARAC_REFERRAL";
    static final String MEETING = "MARAC_MEETING";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final NeedToKnow needToKnow;

    MaracAccess(JdbcClient jdbc, AuditTrail audit, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.needToKnow = needToKnow;
    }

    Actor practitioner(String action, String object, UUID id) {
        Actor actor = CurrentActor.require();
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            audit.recordIndependently(AuditEntry.refused(action, object, id, "administration-only account"));
            throw new AccessDeniedException("MARAC is for practitioners");
        }
        return actor;
    }

    /** Area set-up is for the area's coordinator or an administrator; the service checks which. */
    Actor practitionerOrAdmin(String action, String object, UUID id) {
        return CurrentActor.require();
    }

    record ReferralAccess(String level, boolean safeContactVisible, boolean perpetratorSide, boolean coordinator) {

        boolean full() {
            return "FULL".equals(level);
        }
    }

    /** The caller's access to a referral, or 404 with the refusal audited. */
    ReferralAccess referral(Actor actor, UUID referralId, String action) {
        var row = referralId == null ? null : jdbc.sql("""
                        select r.victim_person_id, r.referred_by, r.idva_user_id, r.status, a.coordination_agency_id,
                               exists (select 1 from marac_area_member m where m.area_id = r.area_id and m.agency_id = :agency) as member,
                               exists (select 1 from marac_referral_copy c where c.referral_id = r.id and c.agency_id = :agency) as copy
                          from marac_referral r join marac_area a on a.id = r.area_id where r.id = :id""")
                .param("id", referralId).param("agency", actor.agencyId()).query().listOfRows().stream().findFirst()
                .orElse(null);
        if (row == null) {
            throw new NotFoundException("Referral");
        }
        NeedToKnow.PersonAccess person = needToKnow.person(actor, (UUID) row.get("victim_person_id"));
        boolean coordinator = actor.agencyId().equals(row.get("coordination_agency_id"))
                && actor.hasRole("MARAC_COORDINATOR");
        boolean listed = !"RECEIVED".equals(row.get("status"));
        String level = person.visible() && !person.perpetratorSide() ? "FULL"
                : person.visible() || (Boolean) row.get("copy") || ((Boolean) row.get("member") && listed) ? "AGENDA"
                : null;
        if (level == null) {
            audit.recordIndependently(AuditEntry.refused(action, REFERRAL, referralId, "no relationship with the referral"));
            throw new NotFoundException("Referral");
        }
        boolean named = actor.userId().equals(row.get("referred_by")) || actor.userId().equals(row.get("idva_user_id"))
                || person.restrictedVisible();
        return new ReferralAccess(level, named && !person.perpetratorSide() && "FULL".equals(level),
                person.perpetratorSide(), coordinator);
    }

    /** The referral's full view is needed (to review, to record the meeting's decisions): 404 otherwise. */
    ReferralAccess fullReferral(Actor actor, UUID referralId, String action) {
        ReferralAccess access = referral(actor, referralId, action);
        if (!access.full()) {
            audit.recordIndependently(AuditEntry.refused(action, REFERRAL, referralId, "agenda-level access only"));
            throw new NotFoundException("Referral");
        }
        return access;
    }

    /** Whether the caller's agency is a member of the meeting's area (the coordination agency always is). */
    boolean member(Actor actor, UUID meetingId, String action) {
        Boolean member = meetingId == null ? null : jdbc.sql("""
                        select a.coordination_agency_id = :agency
                               or exists (select 1 from marac_area_member m where m.area_id = a.id and m.agency_id = :agency)
                          from marac_meeting mt join marac_area a on a.id = mt.area_id where mt.id = :id""")
                .param("id", meetingId).param("agency", actor.agencyId()).query(Boolean.class).optional().orElse(null);
        if (member == null) {
            throw new NotFoundException("Meeting");
        }
        if (!member) {
            audit.recordIndependently(AuditEntry.refused(action, MEETING, meetingId, "not a member agency of the MARAC"));
            throw new NotFoundException("Meeting");
        }
        return true;
    }

    /** The meeting's coordinator (a MARAC coordinator of the area's coordination agency), or 404/403. */
    void coordinatorOfMeeting(Actor actor, UUID meetingId, String action) {
        member(actor, meetingId, action);
        boolean coordinator = actor.hasRole("MARAC_COORDINATOR") && jdbc.sql("""
                        select a.coordination_agency_id = ? from marac_meeting mt join marac_area a on a.id = mt.area_id
                         where mt.id = ?""").params(actor.agencyId(), meetingId).query(Boolean.class).single();
        if (!coordinator) {
            audit.recordIndependently(AuditEntry.refused(action, MEETING, meetingId, "not the MARAC coordinator"));
            throw new AccessDeniedException("Only the MARAC coordinator records this");
        }
    }
}
