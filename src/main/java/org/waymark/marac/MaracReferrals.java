package org.waymark.marac;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.cases.CaseSummary;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.marac.internal.MaracRules;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.AssessmentRecords;
import org.waymark.tasks.NewTask;
import org.waymark.tasks.Tasks;

/**
 * MARAC referrals: receipt (the case involves the MARAC coordination, police and IDVA service; repeat
 * detection across every agency's records; an IDVA allocated; review tasks due by the end of the next
 * working day), the reviews, and the coordinator's and IDVA's lists.
 */
@Service
public class MaracReferrals {

    public static final List<String> CRITERIA = List.of("VISIBLE_HIGH_RISK", "POTENTIAL_ESCALATION", "PROFESSIONAL_JUDGEMENT");
    public static final List<String> HOUSEHOLD_KINDS = List.of("CHILD", "OTHER_HOUSEHOLD_MEMBER");
    static final String OBJECT = MaracAccess.REFERRAL;
    /** R1 (WM-2.24): a visible high risk is 14 or more yes answers on the DASH. */
    static final int VISIBLE_HIGH_RISK_YES = 14;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MaracAccess access;
    private final People people;
    private final Cases cases;
    private final AssessmentRecords assessments;
    private final Tasks tasks;
    private final WorkingCalendar calendar;
    private final FieldEncryption encryption;
    private final MaracMeetings meetings;
    private final Clock clock;

    MaracReferrals(JdbcClient jdbc, AuditTrail audit, MaracAccess access, People people, Cases cases,
                   AssessmentRecords assessments, Tasks tasks, WorkingCalendar calendar, FieldEncryption encryption,
                   MaracMeetings meetings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.people = people;
        this.cases = cases;
        this.assessments = assessments;
        this.tasks = tasks;
        this.calendar = calendar;
        this.encryption = encryption;
        this.meetings = meetings;
        this.clock = clock;
    }

    // ---- referral ----------------------------------------------------------------------------------

    @Transactional
    public UUID refer(NewReferral request) {
        Actor actor = access.practitioner("MARAC_REFER", OBJECT, null);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> area = area(request.areaId(), actor, errors);
        Person victim = null;
        if (request.victimPersonId() == null) {
            errors.add(new FieldError("victimPersonId", "Select the victim's record"));
        } else {
            victim = people.get(request.victimPersonId());
            if (!people.isMine(victim.id())) {
                errors.add(new FieldError("victimPersonId", "Select a record your agency holds for her"));
            }
        }
        LocalDate today = LocalDate.now(clock);
        Integer age = victim != null && victim.dateOfBirth() != null
                ? Integer.valueOf(Period.between(victim.dateOfBirth(), today).getYears()) : request.victimAge();
        if (victim != null && age == null) {
            errors.add(new FieldError("victimAge", "Enter her age, or record her date of birth"));
        } else if (age != null && (age < 0 || age > 120)) {
            errors.add(new FieldError("victimAge", "Enter her age in years"));
        } else if (age != null && MaracRules.tooYoungForMarac(age)) {
            errors.add(new FieldError("victimPersonId", "MARAC is for victims aged 16 or over, and she is " + age
                    + ". Use the children's pathway: refer her to children's social care for a child protection response."));
        }
        String officer = text(request.referringOfficer());
        if (officer == null || officer.length() > 200) {
            errors.add(new FieldError("referringOfficer", "Enter the referring officer's name and role, in 200 characters or fewer"));
        }
        AssessmentRecords.AssessmentSummary dash = null;
        if (!CRITERIA.contains(String.valueOf(request.criteria()))) {
            errors.add(new FieldError("criteria", "Select which MARAC criterion is met"));
        }
        if (request.assessmentId() != null && victim != null) {
            dash = assessments.completedAbout(people.samePerson(victim.id())).stream()
                    .filter(a -> a.id().equals(request.assessmentId()) && a.ownAgency()).findFirst().orElse(null);
            if (dash == null) {
                errors.add(new FieldError("assessmentId", "Select a completed DASH your agency made about her"));
            }
        }
        String reason = text(request.reason());
        if ("VISIBLE_HIGH_RISK".equals(request.criteria())) {
            if (request.assessmentId() == null) {
                errors.add(new FieldError("assessmentId", "A visible high risk needs the completed DASH"));
            } else if (dash != null && (dash.yesCount() == null || dash.yesCount() < VISIBLE_HIGH_RISK_YES)) {
                errors.add(new FieldError("criteria", "The DASH has fewer than 14 yes answers: refer on professional"
                        + " judgement or potential escalation, with the reason"));
            }
        } else if (request.criteria() != null && (reason == null || reason.length() < 10)) {
            errors.add(new FieldError("reason", "Give the reason for the referral"));
        }
        if (reason != null && reason.length() > 4000) {
            errors.add(new FieldError("reason", "The reason must be 4,000 characters or fewer"));
        }
        if (request.victimAware() == null) {
            errors.add(new FieldError("victimAware", "Say whether she knows about the referral"));
        }
        String lawfulBasis = request.lawfulBasis();
        String rationale = text(request.consentRationale());
        if (!Cases.CONSENT.contains(String.valueOf(request.consent()))) {
            errors.add(new FieldError("consent", "Select whether she consents to the referral"));
        } else if ("GIVEN".equals(request.consent())) {
            lawfulBasis = lawfulBasis == null ? "CONSENT" : lawfulBasis;
            if (!Cases.LAWFUL_BASES.contains(lawfulBasis)) {
                errors.add(new FieldError("lawfulBasis", "Select the lawful basis from the list"));
            }
        } else {
            // Every MARAC criterion is a high risk (R1 to R3), which is when referral without consent is allowed:
            // on a basis other than consent, with the reason written down.
            if (lawfulBasis == null || lawfulBasis.equals("CONSENT") || !Cases.LAWFUL_BASES.contains(lawfulBasis)) {
                errors.add(new FieldError("lawfulBasis", "Without her consent, select the lawful basis you rely on"));
            }
            if (rationale == null || rationale.length() > 4000) {
                errors.add(new FieldError("consentRationale", "Without her consent, give the reason for referring"));
            }
        }
        String safeContact = text(request.safeContact());
        if (safeContact != null && safeContact.length() > 1000) {
            errors.add(new FieldError("safeContact", "Safe contact details must be 1,000 characters or fewer"));
        }
        if (request.whoElseKnows().size() > 20 || request.whoElseKnows().stream().anyMatch(w -> w == null || w.length() > 200)) {
            errors.add(new FieldError("whoElseKnows", "List at most 20 people or agencies, 200 characters each"));
        }
        if (request.perpetrators().isEmpty() || request.perpetrators().size() > 5) {
            errors.add(new FieldError("perpetrators", "Name the person or people causing harm (at most 5)"));
        }
        for (int i = 0; i < request.perpetrators().size(); i++) {
            NewReferral.Party p = request.perpetrators().get(i);
            if (text(p.name()) == null || p.name().length() > 200) {
                errors.add(new FieldError("perpetrators[" + i + "].name", "Enter the name of the person causing harm"));
            }
            if (!realBirthday(p.dateOfBirth(), today)) {
                errors.add(new FieldError("perpetrators[" + i + "].dateOfBirth", "Date of birth must be a real date in the past"));
            }
            if (p.mappaLevel() != null && (p.mappaLevel() < 1 || p.mappaLevel() > 3)) {
                errors.add(new FieldError("perpetrators[" + i + "].mappaLevel", "MAPPA level is 1, 2 or 3"));
            }
        }
        if (request.household().size() > 20) {
            errors.add(new FieldError("household", "List at most 20 household members"));
        }
        for (int i = 0; i < request.household().size(); i++) {
            NewReferral.Party p = request.household().get(i);
            boolean unborn = Boolean.TRUE.equals(p.unborn());
            if (p.kind() != null && !HOUSEHOLD_KINDS.contains(p.kind())) {
                errors.add(new FieldError("household[" + i + "].kind", "Say whether this is a child or another household member"));
            }
            if (!realBirthday(p.dateOfBirth(), today)) {
                errors.add(new FieldError("household[" + i + "].dateOfBirth", "Date of birth must be a real date in the past"));
            }
            if (!unborn && (text(p.name()) == null || p.name().length() > 200)) {
                errors.add(new FieldError("household[" + i + "].name", "Enter the household member's name"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }

        UUID id = UUID.randomUUID();
        UUID areaId = (UUID) area.get("id");
        UUID coordination = (UUID) area.get("coordination_agency_id");
        UUID police = (UUID) area.get("police_agency_id");
        UUID idvaService = (UUID) area.get("idva_agency_id");
        UUID mash = (UUID) area.get("mash_agency_id");
        CaseSummary caseSummary = cases.openFor(victim.id());
        UUID caseId = caseSummary.id();
        Instant received = Instant.now(clock);
        Instant reviewDue = MaracRules.reviewDue(calendar, received).toInstant();
        boolean unborn = Boolean.TRUE.equals(request.pregnant())
                || request.household().stream().anyMatch(p -> Boolean.TRUE.equals(p.unborn()));
        boolean mappaLeads = MaracRules.mappaLeads(request.perpetrators().stream().map(NewReferral.Party::mappaLevel)
                .filter(l -> l != null).toList());

        // Repeat (D6): her last MARAC referral, found through linked records and through matching across every
        // agency's records (the same woman recorded by another agency, unlinked, with her name misspelt).
        List<UUID> samePerson = people.likelySamePersonAnywhere(victim.id());
        var previous = jdbc.sql("""
                        select id, received_at from marac_referral where victim_person_id = any(?)
                         order by received_at desc limit 1""").param(samePerson.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant()))
                .optional();
        boolean repeat = previous.isPresent() && MaracRules.isRepeat(
                previous.get().getValue().atZone(WorkingCalendar.LONDON).toLocalDate(), today);

        UUID idva = allocateIdva(idvaService);
        jdbc.sql("""
                insert into marac_referral (id, area_id, case_id, victim_person_id, referring_agency_id, referred_by,
                    referring_officer, received_at, criteria, assessment_id, dash_yes_count, reason, victim_age,
                    victim_aware, consent, lawful_basis, consent_rationale, who_else_knows, unborn_child,
                    mappa_leads, repeat_referral, previous_referral_id, idva_user_id, review_due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?)""")
                .params(id, areaId, caseId, victim.id(), actor.agencyId(), actor.userId(), officer,
                        Timestamp.from(received), request.criteria(), request.assessmentId(),
                        dash == null ? null : dash.yesCount(), reason, age, request.victimAware(), request.consent(),
                        lawfulBasis, rationale, request.whoElseKnows().stream().map(String::trim).toArray(String[]::new),
                        unborn, mappaLeads, repeat && previous.isPresent(),
                        repeat ? previous.get().getKey() : null, idva, Timestamp.from(reviewDue)).update();
        if (safeContact != null) {
            jdbc.sql("update marac_referral set sealed_safe_contact = ? where id = ?")
                    .params(encryption.seal(safeContact, "marac_referral/" + id + "/safe_contact"), id).update();
        }
        int position = 0;
        for (NewReferral.Party p : request.perpetrators()) {
            insertParty(id, "PERSON_CAUSING_HARM", p, position++);
        }
        for (NewReferral.Party p : request.household()) {
            insertParty(id, p.kind() == null ? "CHILD" : p.kind(), p, position++);
        }

        // The case involves the MARAC coordination and police (MARAC_REFERRAL) and the IDVA service (R6).
        String consent = request.consent();
        String why = "MARAC referral: " + label(request.criteria())
                + (rationale == null ? "" : ". Without consent: " + rationale);
        share(caseId, actor, coordination, "MARAC_REFERRAL", "WHOLE_FAMILY", consent, lawfulBasis, why);
        share(caseId, actor, police, "MARAC_REFERRAL", "WHOLE_FAMILY", consent, lawfulBasis, why);
        share(caseId, actor, idvaService, "REFERRED", "VICTIM", consent, lawfulBasis,
                "Every MARAC case has an IDVA (R6). " + why);
        if (idva != null) {
            // The allocated IDVA is her worker on the case: they need her safe contact details to reach her.
            cases.allocateByProcedure(caseId, idva, "VICTIM", "the IDVA for her MARAC referral (R6)");
        }

        // D1: coordinator, police (public protection) and IDVA service consider it by the end of the next working day.
        String href = "/marac/referrals/" + id;
        tasks.create(new NewTask("MARAC_REVIEW_COORDINATION", "Review a new MARAC referral", OBJECT, id, href, caseId,
                coordination, null, null, reviewDue, true));
        tasks.create(new NewTask("MARAC_REVIEW_POLICE", "Public protection review of a MARAC referral", OBJECT, id, href,
                caseId, police, null, coordination, reviewDue, true));
        tasks.create(new NewTask("MARAC_REVIEW_IDVA", "IDVA review of a MARAC referral: contact her safely", OBJECT, id,
                href, caseId, idvaService, idva, coordination, reviewDue, true));

        // R7 (WM-2.24): an unborn child sends a copy of the referral to the MASH.
        if (unborn && mash != null) {
            cases.recordShare(caseId, mash, null, "Copy of the MARAC referral (an unborn child in the household)",
                    consent, "CONSENT".equals(lawfulBasis) ? "CONSENT" : "SIGNIFICANT_HARM_TO_CHILD",
                    "R7: a MARAC referral with an unborn child is copied to the MASH");
            jdbc.sql("insert into marac_referral_copy (referral_id, agency_id) values (?, ?) on conflict do nothing")
                    .params(id, mash).update();
            tasks.create(new NewTask("MARAC_COPY_MASH", "MARAC referral copied to the MASH: unborn child", OBJECT, id, href,
                    caseId, mash, null, coordination, reviewDue, true));
        }
        audit.record(AuditEntry.allowed("MARAC_REFER", OBJECT, id).with("case", caseId.toString())
                .with("repeat", Boolean.toString(repeat)).with("criteria", request.criteria()));
        return id;
    }

    /** The named area, or the one area the referrer's agency belongs to. */
    private Map<String, Object> area(UUID areaId, Actor actor, List<FieldError> errors) {
        List<Map<String, Object>> areas = areaId == null
                ? jdbc.sql("""
                        select a.* from marac_area a where exists (select 1 from marac_area_member m
                         where m.area_id = a.id and m.agency_id = ?)""").param(actor.agencyId()).query().listOfRows()
                : jdbc.sql("select * from marac_area where id = ?").param(areaId).query().listOfRows();
        if (areas.size() != 1) {
            errors.add(new FieldError("areaId", "Select the MARAC area"));
            return Map.of();
        }
        return areas.get(0);
    }

    /** The areas a referral from the caller's agency may go to: those it is a member of first. */
    @Transactional(readOnly = true)
    public List<Area> areas() {
        Actor actor = access.practitioner("LIST_MARAC_AREAS", "MARAC_AREA", null);
        return jdbc.sql("""
                select a.id, a.name, exists (select 1 from marac_area_member m where m.area_id = a.id and m.agency_id = ?)
                  from marac_area a order by 3 desc, a.name""").param(actor.agencyId())
                .query((rs, n) -> new Area(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3))).list();
    }

    public record Area(UUID id, String name, boolean member) {
    }

    private void share(UUID caseId, Actor actor, UUID agencyId, String basis, String worksWith, String consent,
                       String lawfulBasis, String why) {
        if (!agencyId.equals(actor.agencyId())) {
            cases.decideSharing(caseId, new SharingRequest("SHARE", agencyId, null, "MARAC referral", consent, lawfulBasis,
                    why, basis, worksWith));
        }
    }

    private void insertParty(UUID referralId, String kind, NewReferral.Party p, int position) {
        boolean unborn = Boolean.TRUE.equals(p.unborn());
        jdbc.sql("""
                insert into marac_referral_party (id, referral_id, kind, name, date_of_birth, unborn, mappa_level, position)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), referralId, kind, text(p.name()) == null ? "Unborn child" : p.name().trim(),
                        p.dateOfBirth() == null ? null : java.sql.Date.valueOf(p.dateOfBirth()), unborn,
                        "PERSON_CAUSING_HARM".equals(kind) ? p.mappaLevel() : null, position).update();
    }

    /** WOLV: every MARAC case gets an IDVA; the one with the fewest open MARAC cases, so caseloads stay even. */
    private UUID allocateIdva(UUID idvaService) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("marac-idva-" + idvaService).query().listOfRows();
        return jdbc.sql("""
                select u.id from app_user u
                 where u.agency_id = ? and u.enabled
                   and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = 'IDVA')
                 order by (select count(*) from marac_referral x where x.idva_user_id = u.id and x.status <> 'CLOSED'),
                          u.display_name, u.id
                 limit 1""").param(idvaService).query(UUID.class).optional().orElse(null);
    }

    // ---- reading -----------------------------------------------------------------------------------

    @Transactional
    public ReferralView get(UUID referralId) {
        Actor actor = access.practitioner("READ_MARAC_REFERRAL", OBJECT, referralId);
        MaracAccess.ReferralAccess level = access.referral(actor, referralId, "READ_MARAC_REFERRAL");
        ReferralView view = view(referralId, level);
        audit.record(AuditEntry.allowed("READ_MARAC_REFERRAL", OBJECT, referralId).with("access", level.level())
                .with("safeContact", Boolean.toString(level.safeContactVisible())));
        return view;
    }

    ReferralView view(UUID id, MaracAccess.ReferralAccess level) {
        Map<String, Object> r = jdbc.sql("""
                select r.*, c.reference, a.name as area_name, g.name as referring_agency, u.display_name as idva_name,
                       p.given_name, p.family_name, m.meeting_date
                  from marac_referral r join dva_case c on c.id = r.case_id join marac_area a on a.id = r.area_id
                  join agency g on g.id = r.referring_agency_id join person p on p.id = r.victim_person_id
                  left join app_user u on u.id = r.idva_user_id left join marac_meeting m on m.id = r.meeting_id
                 where r.id = ?""").param(id).query().singleRow();
        boolean full = level.full();
        List<ReferralView.PartyView> parties = jdbc.sql("""
                        select kind, name, date_of_birth, unborn, mappa_level from marac_referral_party
                         where referral_id = ? order by position""").param(id)
                .query((rs, n) -> new ReferralView.PartyView(rs.getString("kind"), rs.getString("name"),
                        rs.getDate("date_of_birth") == null ? null : rs.getDate("date_of_birth").toLocalDate(),
                        rs.getBoolean("unborn"), (Integer) rs.getObject("mappa_level"))).list();
        byte[] sealed = (byte[]) r.get("sealed_safe_contact");
        String safeContact = level.safeContactVisible() && sealed != null
                ? encryption.open(sealed, "marac_referral/" + id + "/safe_contact") : null;
        List<ReferralView.EarlierReferral> earlier = List.of();
        if (level.coordinator() && full && Boolean.TRUE.equals(r.get("repeat_referral"))) {
            earlier = earlierReferrals(id, (UUID) r.get("previous_referral_id"));
        }
        List<ReferralView.Review> reviews = full ? jdbc.sql("""
                        select g.name, u.display_name, v.reviewed_at, v.immediate_action from marac_review v
                          join agency g on g.id = v.agency_id join app_user u on u.id = v.reviewed_by
                         where v.referral_id = ? order by v.reviewed_at""").param(id)
                .query((rs, n) -> new ReferralView.Review(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4))).list() : List.of();
        String victimName = String.join(" ", java.util.stream.Stream.of((String) r.get("given_name"),
                (String) r.get("family_name")).filter(s -> s != null).toList());
        java.sql.Date meetingDate = (java.sql.Date) r.get("meeting_date");
        java.sql.Date reviewDate = (java.sql.Date) r.get("review_date");
        return new ReferralView(id, (UUID) r.get("case_id"), (String) r.get("reference"), (UUID) r.get("area_id"),
                (String) r.get("area_name"), level.level(), victimName, (Integer) r.get("victim_age"),
                (String) r.get("referring_agency"), (String) r.get("referring_officer"),
                ((Timestamp) r.get("received_at")).toInstant(), (String) r.get("criteria"),
                (Integer) r.get("dash_yes_count"), full ? (String) r.get("reason") : null,
                full ? (Boolean) r.get("victim_aware") : null, full ? (String) r.get("consent") : null,
                full ? (String) r.get("lawful_basis") : null, full ? (String) r.get("consent_rationale") : null,
                safeContact, sealed != null && safeContact == null,
                full ? whoElseKnows(r.get("who_else_knows")) : List.of(),
                parties.stream().filter(p -> p.kind().equals("PERSON_CAUSING_HARM")).toList(),
                parties.stream().filter(p -> !p.kind().equals("PERSON_CAUSING_HARM")).toList(),
                (Boolean) r.get("unborn_child"), (Boolean) r.get("mappa_leads"), (Boolean) r.get("repeat_referral"),
                earlier, level.perpetratorSide() ? null : (String) r.get("idva_name"),
                ((Timestamp) r.get("review_due_at")).toInstant(), reviews, (String) r.get("status"),
                (UUID) r.get("meeting_id"), meetingDate == null ? null : meetingDate.toLocalDate(),
                reviewDate == null ? null : reviewDate.toLocalDate(), (Integer) r.get("version"));
    }

    private static List<String> whoElseKnows(Object array) {
        try {
            return List.of((String[]) ((java.sql.Array) array).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReferralView.EarlierReferral> earlierReferrals(UUID id, UUID previous) {
        // The chain of earlier referrals, newest first: what the coordinator needs to see a repeat.
        List<ReferralView.EarlierReferral> earlier = new ArrayList<>();
        UUID next = previous;
        while (next != null && earlier.size() < 20) {
            Map<String, Object> row = jdbc.sql("""
                    select r.id, c.reference, r.received_at, a.name, r.status, r.previous_referral_id
                      from marac_referral r join dva_case c on c.id = r.case_id join marac_area a on a.id = r.area_id
                     where r.id = ?""").param(next).query().singleRow();
            earlier.add(new ReferralView.EarlierReferral((UUID) row.get("id"), (String) row.get("reference"),
                    ((Timestamp) row.get("received_at")).toInstant(), (String) row.get("name"), (String) row.get("status")));
            next = (UUID) row.get("previous_referral_id");
        }
        return earlier;
    }

    // ---- review (D1) -------------------------------------------------------------------------------

    /**
     * The coordinator's, police's or IDVA service's review, with any immediate safety action taken. The
     * coordinator's review accepts the referral and lists it at the next meeting with room (D2).
     */
    @Transactional
    public ReferralView review(UUID referralId, String immediateAction) {
        Actor actor = access.practitioner("MARAC_REVIEW", OBJECT, referralId);
        MaracAccess.ReferralAccess level = access.fullReferral(actor, referralId, "MARAC_REVIEW");
        Map<String, Object> area = jdbc.sql("""
                select a.coordination_agency_id, a.police_agency_id, a.idva_agency_id from marac_referral r
                  join marac_area a on a.id = r.area_id where r.id = ?""").param(referralId).query().singleRow();
        String kind = actor.agencyId().equals(area.get("coordination_agency_id")) && actor.hasRole("MARAC_COORDINATOR")
                ? "MARAC_REVIEW_COORDINATION"
                : actor.agencyId().equals(area.get("police_agency_id")) ? "MARAC_REVIEW_POLICE"
                : actor.agencyId().equals(area.get("idva_agency_id")) ? "MARAC_REVIEW_IDVA" : null;
        if (kind == null) {
            audit.recordIndependently(AuditEntry.refused("MARAC_REVIEW", OBJECT, referralId, "not a reviewing agency"));
            throw new AccessDeniedException("The MARAC coordinator, police and IDVA service review referrals");
        }
        String action = text(immediateAction);
        if (action != null && action.length() > 4000) {
            throw InvalidRequestException.of("immediateAction", "Immediate action must be 4,000 characters or fewer");
        }
        int inserted = jdbc.sql("""
                insert into marac_review (id, referral_id, agency_id, reviewed_by, immediate_action) values (?, ?, ?, ?, ?)
                on conflict (referral_id, agency_id) do nothing""")
                .params(UUID.randomUUID(), referralId, actor.agencyId(), actor.userId(), action).update();
        if (inserted == 0) {
            throw new ConflictException("Your agency has already reviewed this referral.");
        }
        tasks.complete(kind, OBJECT, referralId, action == null ? "Reviewed" : "Reviewed; immediate action recorded");
        if (kind.equals("MARAC_REVIEW_COORDINATION")) {
            meetings.list(referralId);
        }
        audit.record(AuditEntry.allowed("MARAC_REVIEW", OBJECT, referralId).with("as", kind));
        return view(referralId, level);
    }

    /** Whether the caller's agency reviews this referral (coordinator, police, IDVA service) and has not yet. */
    @Transactional(readOnly = true)
    public boolean awaitsMyReview(UUID referralId) {
        Actor actor = access.practitioner("MARAC_REVIEW", OBJECT, referralId);
        return jdbc.sql("""
                select (a.police_agency_id = :agency or a.idva_agency_id = :agency
                        or (a.coordination_agency_id = :agency and :coordinator))
                   and not exists (select 1 from marac_review v where v.referral_id = r.id and v.agency_id = :agency)
                  from marac_referral r join marac_area a on a.id = r.area_id where r.id = :id""")
                .param("agency", actor.agencyId()).param("coordinator", actor.hasRole("MARAC_COORDINATOR"))
                .param("id", referralId).query(Boolean.class).optional().orElse(false);
    }

    // ---- lists -------------------------------------------------------------------------------------

    /** A referral in a list: no restricted values. */
    public record ReferralLine(UUID id, String caseReference, String victimName, String referringAgency,
                               Instant receivedAt, Instant reviewDueAt, boolean repeat, String status,
                               LocalDate meetingDate, boolean reviewedByMyAgency) {
    }

    /** For the coordinator: referrals to the areas their agency coordinates that are not yet heard. */
    @Transactional
    public List<ReferralLine> coordinatorQueue() {
        Actor actor = access.practitioner("LIST_MARAC_REFERRALS", OBJECT, null);
        if (!actor.hasRole("MARAC_COORDINATOR")) {
            return List.of();
        }
        List<ReferralLine> lines = lines("a.coordination_agency_id = :agency and r.status in ('RECEIVED', 'LISTED')", actor);
        audit.record(AuditEntry.allowed("LIST_MARAC_REFERRALS", OBJECT, null).with("results", Integer.toString(lines.size())));
        return lines;
    }

    /** For an IDVA: the MARAC cases allocated to them that are not closed. */
    @Transactional
    public List<ReferralLine> myIdvaCases() {
        Actor actor = access.practitioner("LIST_MARAC_REFERRALS", OBJECT, null);
        List<ReferralLine> lines = lines("r.idva_user_id = :user and r.status <> 'CLOSED'", actor);
        audit.record(AuditEntry.allowed("LIST_MARAC_REFERRALS", OBJECT, null).with("idva", "true")
                .with("results", Integer.toString(lines.size())));
        return lines;
    }

    private List<ReferralLine> lines(String where, Actor actor) {
        return jdbc.sql("""
                        select r.id, c.reference, p.given_name, p.family_name, g.name as agency, r.received_at,
                               r.review_due_at, r.repeat_referral, r.status, m.meeting_date,
                               exists (select 1 from marac_review v where v.referral_id = r.id and v.agency_id = :agency) as reviewed
                          from marac_referral r join marac_area a on a.id = r.area_id join dva_case c on c.id = r.case_id
                          join person p on p.id = r.victim_person_id join agency g on g.id = r.referring_agency_id
                          left join marac_meeting m on m.id = r.meeting_id
                         where""" + " " + where + " order by r.review_due_at limit 500")
                .param("agency", actor.agencyId()).param("user", actor.userId())
                .query((rs, n) -> new ReferralLine(rs.getObject("id", UUID.class), rs.getString("reference"),
                        String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"), rs.getString("family_name"))
                                .filter(s -> s != null).toList()), rs.getString("agency"),
                        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("review_due_at").toInstant(),
                        rs.getBoolean("repeat_referral"), rs.getString("status"),
                        rs.getDate("meeting_date") == null ? null : rs.getDate("meeting_date").toLocalDate(),
                        rs.getBoolean("reviewed"))).list();
    }

    /**
     * Whole months since this person's last MARAC referral (any agency's record of her), for R4's "referred
     * within the last 12 months"; empty when she has never been referred. The caller must be able to see her.
     */
    @Transactional
    public OptionalLong monthsSinceLastReferral(UUID personId) {
        people.get(personId);
        List<UUID> samePerson = people.likelySamePersonAnywhere(personId);
        return jdbc.sql("select max(received_at) from marac_referral where victim_person_id = any(?)")
                .param(samePerson.toArray(UUID[]::new)).query(Timestamp.class).optional()
                .filter(t -> t != null)
                .map(t -> OptionalLong.of(MaracRules.monthsBetween(t.toInstant().atZone(WorkingCalendar.LONDON).toLocalDate(),
                        LocalDate.now(clock))))
                .orElse(OptionalLong.empty());
    }

    public static String label(String criteria) {
        return switch (criteria) {
            case "VISIBLE_HIGH_RISK" -> "visible high risk (14 or more yes on the DASH)";
            case "POTENTIAL_ESCALATION" -> "potential escalation";
            case "PROFESSIONAL_JUDGEMENT" -> "professional judgement";
            default -> criteria;
        };
    }

    private static boolean realBirthday(LocalDate date, LocalDate today) {
        return date == null || !date.isAfter(today) && date.getYear() >= 1900;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
