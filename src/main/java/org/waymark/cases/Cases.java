package org.waymark.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.incidents.ChronologyEntry;
import org.waymark.incidents.Incidents;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/**
 * The cases module's API. Opening a case happens when an incident names a victim (or on request from a
 * person's page); agencies join a case only through a recorded decision to share; users without any
 * relationship can break glass with a reason, for a limited time, and the case's owners are told.
 */
@Service
public class Cases {

    static final String OBJECT = "CASE";
    public static final List<String> WORKS_WITH = List.of("VICTIM", "PERSON_CAUSING_HARM", "CHILDREN", "WHOLE_FAMILY");
    public static final List<String> INVOLVEMENT_BASES = List.of("REFERRED", "RESEARCH_REQUEST", "ACTION_OWNER",
            "MASH_TRIAGE", "MARAC_REFERRAL");
    public static final List<String> CONSENT = List.of("GIVEN", "REFUSED", "NOT_SOUGHT");
    public static final List<String> LAWFUL_BASES = List.of("CONSENT", "SIGNIFICANT_HARM_TO_CHILD", "VITAL_INTERESTS",
            "PUBLIC_TASK", "PREVENTION_OF_CRIME", "LEGAL_OBLIGATION");

    /** Agencies whose work is with the person causing harm. */
    static final Set<AgencyType> PERPETRATOR_AGENCIES = Set.of(AgencyType.PERPETRATOR_PROGRAMME, AgencyType.PROBATION);
    /** Break-glass attempts a user may make in an hour. */
    static final org.waymark.platform.RateLimit BREAK_GLASS_LIMIT = new org.waymark.platform.RateLimit(10, Duration.ofHours(1));
    /** Agencies whose very name says where she may be. */
    static final Set<AgencyType> SENSITIVE_AGENCIES = Set.of(AgencyType.IDVA_SERVICE, AgencyType.SPECIALIST_DA_SERVICE);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Agencies agencies;
    private final People people;
    private final Incidents incidents;
    private final org.waymark.risk.AssessmentRecords assessments;
    private final Clock clock;
    private final org.waymark.platform.NeedToKnow needToKnow;
    private final org.waymark.platform.RateLimits rateLimits;
    private final Duration breakGlassFor;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final org.waymark.tasks.Tasks tasks;

    Cases(JdbcClient jdbc, AuditTrail audit, Agencies agencies, People people, Incidents incidents, Clock clock,
          @Value("${waymark.access.break-glass-duration:PT4H}") Duration breakGlassFor,
          org.waymark.risk.AssessmentRecords assessments, org.waymark.platform.NeedToKnow needToKnow,
          org.waymark.platform.RateLimits rateLimits,
          org.springframework.context.ApplicationEventPublisher events, org.waymark.tasks.Tasks tasks) {
        this.tasks = tasks;
        this.events = events;
        this.assessments = assessments;
        this.needToKnow = needToKnow;
        this.rateLimits = rateLimits;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.people = people;
        this.incidents = incidents;
        this.clock = clock;
        this.breakGlassFor = breakGlassFor;
    }

    // ---- opening and joining -----------------------------------------------------------------------

    /**
     * The victim's open case, opened now if there is none. Only the agency that recorded the victim's record
     * opens a case for it; anyone else joins an existing case only through a recorded decision to share.
     */
    @Transactional
    public CaseSummary openFor(UUID victimPersonId) {
        Actor actor = requirePractitioner("OPEN_CASE", null);
        people.get(victimPersonId);
        boolean ownRecord = jdbc.sql("select recorded_by_agency_id = ? from person where id = ?")
                .params(actor.agencyId(), victimPersonId).query(Boolean.class).single();
        if (!ownRecord || needToKnow.perpetratorSide(actor, List.of(victimPersonId))) {
            audit.recordIndependently(AuditEntry.refused("OPEN_CASE", "PERSON", victimPersonId, "not the recording agency"));
            throw new AccessDeniedException("Only the agency that recorded this person can open a case for her");
        }
        UUID caseId = openOrJoin(victimPersonId, actor.agencyId(), actor.userId());
        addPerson(caseId, victimPersonId, "VICTIM", actor.userId());
        involve(caseId, actor.agencyId(), "RECORDED", worksWithFor(actor.agencyId()), actor.userId());
        allocate(caseId, actor.userId(), worksWithFor(actor.agencyId()), actor.userId());
        return summary(caseId);
    }

    /** Called in the incident's own transaction: each victim's case gains the incident and its people. */
    void onIncidentRecorded(UUID incidentId, UUID agencyId, UUID userId, List<Role> roles) {
        for (Role victim : roles.stream().filter(r -> r.role().equals("VICTIM")).toList()) {
            UUID caseId = openOrJoin(victim.personId(), agencyId, userId);
            for (Role role : roles) {
                if (role.role().equals("VICTIM") && !role.personId().equals(victim.personId())) {
                    // Another victim of the same incident has their own case; here they are a household member.
                    addPerson(caseId, role.personId(), "OTHER_HOUSEHOLD_MEMBER", userId);
                } else {
                    addPerson(caseId, role.personId(), role.role(), userId);
                }
            }
            jdbc.sql("insert into case_incident (case_id, incident_id) values (?, ?) on conflict do nothing")
                    .params(caseId, incidentId).update();
            String worksWith = worksWithFor(agencyId);
            involve(caseId, agencyId, "RECORDED", worksWith, userId);
            // The recorder is named on the case only when the victim's record is their agency's own: naming
            // a person another agency holds must never by itself open her restricted details.
            boolean ownRecord = jdbc.sql("select recorded_by_agency_id = ? from person where id = ?")
                    .params(agencyId, victim.personId()).query(Boolean.class).single();
            if (ownRecord) {
                allocate(caseId, userId, worksWith, userId);
            }
            audit.record(AuditEntry.allowed("ADD_INCIDENT_TO_CASE", OBJECT, caseId).with("incident", incidentId.toString()));
        }
    }

    record Role(UUID personId, String role) {
    }

    private UUID openOrJoin(UUID victimPersonId, UUID agencyId, UUID userId) {
        // The same woman recorded by several agencies has one case: join the open case of a linked record when
        // this agency is already involved in it; any other agency joins only through a decision to share.
        UUID linkedCase = jdbc.sql("""
                with recursive linked(person_id) as (
                    select cast(? as uuid)
                    union
                    select case when l.person_a = linked.person_id then l.person_b else l.person_a end
                      from person_link l join linked on l.person_a = linked.person_id or l.person_b = linked.person_id
                     where l.undone_at is null and l.decision = 'SAME_PERSON'
                )
                select c.id from dva_case c join linked on linked.person_id = c.victim_person_id
                 where c.status = 'OPEN'
                   and (c.victim_person_id = ? or exists (select 1 from case_agency a where a.case_id = c.id
                        and a.agency_id = ? and a.ended_at is null))
                 order by c.opened_at limit 1""").params(victimPersonId, victimPersonId, agencyId).query(UUID.class)
                .optional().orElse(null);
        if (linkedCase != null) {
            return linkedCase;
        }
        // The partial unique index makes concurrent openings for one victim meet on one case.
        jdbc.sql("""
                insert into dva_case (id, reference, victim_person_id, lead_agency_id, opened_by)
                values (?, ?, ?, ?, ?)
                on conflict (victim_person_id) where status = 'OPEN' do nothing
                """).params(UUID.randomUUID(), nextReference(), victimPersonId, agencyId, userId).update();
        UUID caseId = jdbc.sql("select id from dva_case where victim_person_id = ? and status = 'OPEN'")
                .param(victimPersonId).query(UUID.class).single();
        audit.record(AuditEntry.allowed("OPEN_CASE", OBJECT, caseId));
        return caseId;
    }

    private String nextReference() {
        long n = jdbc.sql("select nextval('case_reference_seq')").query(Long.class).single();
        return "DA-%d-%06d".formatted(Instant.now(clock).atZone(ZoneId.of("Europe/London")).getYear(), n);
    }

    private void addPerson(UUID caseId, UUID personId, String role, UUID userId) {
        jdbc.sql("insert into case_person (case_id, person_id, role, added_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(caseId, personId, role, userId).update();
    }

    private void involve(UUID caseId, UUID agencyId, String basis, String worksWith, UUID userId) {
        jdbc.sql("""
                insert into case_agency (id, case_id, agency_id, basis, works_with, added_by) values (?, ?, ?, ?, ?, ?)
                on conflict (case_id, agency_id) where ended_at is null do nothing""")
                .params(UUID.randomUUID(), caseId, agencyId, basis, worksWith, userId).update();
    }

    private void allocate(UUID caseId, UUID workerId, String worksWith, UUID byUserId) {
        jdbc.sql("""
                insert into case_worker (id, case_id, user_id, works_with, allocated_by) values (?, ?, ?, ?, ?)
                on conflict (case_id, user_id) where ended_at is null do nothing
                """).params(UUID.randomUUID(), caseId, workerId, worksWith, byUserId).update();
    }

    /** Whom an agency of this kind works with by default: perpetrator work never counts as the victim's side. */
    private String worksWithFor(UUID agencyId) {
        AgencyType type = agencies.get(agencyId).type();
        return switch (type) {
            case PERPETRATOR_PROGRAMME, PROBATION -> "PERSON_CAUSING_HARM";
            case EDUCATION, HEALTH_VISITING -> "CHILDREN";
            case POLICE, CHILDRENS_SOCIAL_CARE, MASH, MARAC_COORDINATION -> "WHOLE_FAMILY";
            default -> "VICTIM";
        };
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Cases the caller's agency is involved in or the caller is allocated to, newest first. */
    @Transactional
    public List<CaseSummary> mine() {
        Actor actor = requirePractitioner("LIST_CASES", null);
        List<UUID> ids = jdbc.sql("""
                select c.id from dva_case c
                 where exists (select 1 from case_agency a where a.case_id = c.id and a.agency_id = ? and a.ended_at is null)
                    or exists (select 1 from case_worker w where w.case_id = c.id and w.user_id = ? and w.ended_at is null)
                 order by c.opened_at desc limit 200""").params(actor.agencyId(), actor.userId()).query(UUID.class).list();
        List<CaseSummary> cases = ids.stream().map(this::summary).toList();
        audit.record(AuditEntry.allowed("LIST_CASES", OBJECT, null).with("results", Integer.toString(cases.size())));
        return cases;
    }

    /** The victim's open case, if the caller can see it. */
    @Transactional
    public java.util.Optional<CaseSummary> openCaseOf(UUID personId) {
        Actor actor = requirePractitioner("READ_CASE", null);
        people.get(personId);
        return jdbc.sql("""
                select distinct c.id from dva_case c join case_person p on p.case_id = c.id
                 where p.person_id = ? and c.status = 'OPEN' order by c.id""").param(personId).query(UUID.class).list()
                .stream().filter(id -> relationship(actor, id) != null).findFirst().map(this::summary);
    }

    @Transactional
    public CaseView get(UUID caseId) {
        Actor actor = requirePractitioner("READ_CASE", caseId);
        String relationship = load(caseId, actor, "READ_CASE");
        CaseSummary summary = summary(caseId);
        List<CaseView.Member> members = jdbc.sql("""
                        select person_id, role from case_person where case_id = ? order by added_at, role""")
                .param(caseId).query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class)}).list().stream()
                .map(r -> r[0]).distinct()
                .map(personId -> {
                    Person person = people.get(personId);
                    List<String> roles = jdbc.sql("select role from case_person where case_id = ? and person_id = ? order by role")
                            .params(caseId, personId).query(String.class).list();
                    return new CaseView.Member(personId, person.displayName(), roles);
                }).toList();
        List<CaseView.Involvement> involved = jdbc.sql("""
                        select a.name, a.type, ca.basis, ca.works_with, ca.added_at from case_agency ca
                          join agency a on a.id = ca.agency_id
                         where ca.case_id = ? and ca.ended_at is null order by ca.added_at""").param(caseId)
                .query((rs, n) -> new CaseView.Involvement(rs.getString("name"), rs.getString("type"), rs.getString("basis"),
                        rs.getString("works_with"), rs.getTimestamp("added_at").toInstant())).list();
        List<CaseView.Worker> workers = jdbc.sql("""
                        select u.id, u.display_name, a.name as agency_name, w.works_with, w.allocated_at from case_worker w
                          join app_user u on u.id = w.user_id join agency a on a.id = u.agency_id
                         where w.case_id = ? and w.ended_at is null order by w.allocated_at""").param(caseId)
                .query((rs, n) -> new CaseView.Worker(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        rs.getString("agency_name"), rs.getString("works_with"),
                        rs.getTimestamp("allocated_at").toInstant())).list();
        List<ShareDecision> decisions = jdbc.sql("""
                        select d.*, a.name as agency_name, u.display_name from share_decision d
                          join agency a on a.id = d.with_agency_id join app_user u on u.id = d.decided_by
                         where d.case_id = ? order by d.decided_at""").param(caseId)
                .query((rs, n) -> new ShareDecision(rs.getObject("id", UUID.class), rs.getString("decision"),
                        rs.getString("agency_name"), rs.getString("with_person"), rs.getString("what"),
                        rs.getString("consent"), rs.getString("lawful_basis"), rs.getString("rationale"),
                        Arrays.asList((String[]) rs.getArray("who_else_knows").getArray()), rs.getString("display_name"),
                        rs.getTimestamp("decided_at").toInstant())).list();
        boolean owner = !"BREAK_GLASS".equals(relationship);
        List<CaseView.BreakGlass> breakGlass = owner ? jdbc.sql("""
                        select u.display_name, a.name as agency_name, b.reason, b.granted_at, b.expires_at
                          from break_glass_access b join app_user u on u.id = b.user_id join agency a on a.id = u.agency_id
                         where b.case_id = ? order by b.granted_at desc""").param(caseId)
                .query((rs, n) -> new CaseView.BreakGlass(rs.getString("display_name"), rs.getString("agency_name"),
                        rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant())).list() : List.of();
        List<ChronologyEntry> chronology = incidents.chronology(summary.victimPersonId(), true);
        // Risk assessments of the victim (every linked record), when, by whom and the level; not the answers.
        boolean perpetratorSide = perpetratorSide(actor, caseId);
        List<org.waymark.risk.AssessmentRecords.AssessmentSummary> risk = perpetratorSide ? List.of()
                : assessments.completedAbout(people.samePerson(summary.victimPersonId()));
        audit.record(AuditEntry.allowed("READ_CASE", OBJECT, caseId).with("basis", relationship)
                .with("perpetratorSide", Boolean.toString(perpetratorSide)));
        if (perpetratorSide) {
            // Who knows, what was shared and why, who looked and the names of specialist services would tell
            // the person causing harm's workers where she has turned: none of it reaches them.
            List<CaseView.Involvement> named = involved.stream().map(i -> SENSITIVE_AGENCIES.contains(AgencyType.valueOf(i.agencyType()))
                    ? new CaseView.Involvement("Another agency", i.agencyType(), i.basis(), i.worksWith(), i.since()) : i).toList();
            List<CaseView.Worker> ownWorkers = workers.stream().filter(w -> w.agencyName().equals(actor.agencyName())).toList();
            return new CaseView(summary, relationship, members, named, ownWorkers, List.of(), List.of(), List.of(),
                    chronology, risk);
        }
        return new CaseView(summary, relationship, members, involved, workers, decisions, whoElseKnows(caseId),
                breakGlass, chronology, risk);
    }

    /** Everyone the victim or the records say already knows, across the case's incidents and shares. */
    private List<String> whoElseKnows(UUID caseId) {
        Set<String> known = new LinkedHashSet<>(jdbc.sql("""
                select distinct unnest(i.who_else_knows) from incident i
                  join case_incident ci on ci.incident_id = i.id where ci.case_id = ? order by 1""")
                .param(caseId).query(String.class).list());
        known.addAll(jdbc.sql("""
                select distinct a.name from share_decision d join agency a on a.id = d.with_agency_id
                 where d.case_id = ? and d.decision = 'SHARE' order by 1""").param(caseId).query(String.class).list());
        return List.copyOf(known);
    }

    private CaseSummary summary(UUID caseId) {
        return jdbc.sql("""
                        select c.*, a.name as lead_agency_name, p.given_name, p.family_name from dva_case c
                          join agency a on a.id = c.lead_agency_id join person p on p.id = c.victim_person_id
                         where c.id = ?""").param(caseId)
                .query((rs, n) -> new CaseSummary(caseId, rs.getString("reference"), rs.getString("status"),
                        rs.getObject("victim_person_id", UUID.class),
                        String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"), rs.getString("family_name"))
                                .filter(s -> s != null).toList()),
                        rs.getObject("lead_agency_id", UUID.class), rs.getString("lead_agency_name"),
                        rs.getTimestamp("opened_at").toInstant(), rs.getInt("version"))).single();
    }

    // ---- sharing -------------------------------------------------------------------------------

    /**
     * Records a decision to share or not to share this case with an agency. A decision to share involves
     * that agency in the case (it can then see the case's people and incidents, never restricted values
     * unless one of its workers is allocated).
     */
    @Transactional
    public UUID decideSharing(UUID caseId, SharingRequest request) {
        Actor actor = requirePractitioner("SHARE_CASE", caseId);
        String relationship = load(caseId, actor, "SHARE_CASE");
        List<FieldError> errors = new ArrayList<>();
        if (!"SHARE".equals(request.decision()) && !"NOT_SHARE".equals(request.decision())) {
            errors.add(new FieldError("decision", "Select whether you are sharing or not sharing"));
        }
        Agency agency = request.withAgencyId() == null ? null : agencies.find(request.withAgencyId())
                .filter(Agency::active).orElse(null);
        if (agency == null) {
            errors.add(new FieldError("withAgencyId", "Select the agency"));
        } else if (agency.id().equals(actor.agencyId())) {
            errors.add(new FieldError("withAgencyId", "Select another agency than your own"));
        }
        String what = trimmed(request.what());
        if (what == null || what.length() > 2000) {
            errors.add(new FieldError("what", "Say what is shared (or would have been), in 2,000 characters or fewer"));
        }
        if (request.consent() == null || !CONSENT.contains(request.consent())) {
            errors.add(new FieldError("consent", "Select whether the person consented"));
        }
        if ("SHARE".equals(request.decision())) {
            if (request.lawfulBasis() == null || !LAWFUL_BASES.contains(request.lawfulBasis())) {
                errors.add(new FieldError("lawfulBasis", "Select the lawful basis for sharing"));
            } else if (request.lawfulBasis().equals("CONSENT") && !"GIVEN".equals(request.consent())) {
                errors.add(new FieldError("lawfulBasis", "Consent is not the basis when the person has not consented: select the basis you rely on"));
            }
            if (request.basis() == null || !INVOLVEMENT_BASES.contains(request.basis())) {
                errors.add(new FieldError("basis", "Select why the agency is being involved"));
            }
            if (request.worksWith() == null || !WORKS_WITH.contains(request.worksWith())) {
                errors.add(new FieldError("worksWith", "Select whom the agency works with"));
            } else if (agency != null && (agency.type() == AgencyType.PERPETRATOR_PROGRAMME || agency.type() == AgencyType.PROBATION)
                    && !request.worksWith().equals("PERSON_CAUSING_HARM")) {
                // Their work is with the person causing harm, whatever the case: they never count as her side.
                errors.add(new FieldError("worksWith", "A perpetrator programme or probation works with the person causing harm"));
            }
        } else if (request.lawfulBasis() != null && !LAWFUL_BASES.contains(request.lawfulBasis())) {
            errors.add(new FieldError("lawfulBasis", "Select the lawful basis from the list"));
        }
        String rationale = trimmed(request.rationale());
        if (rationale == null || rationale.length() > 4000) {
            errors.add(new FieldError("rationale", "Give the reason for the decision, in 4,000 characters or fewer"));
        }
        String withPerson = trimmed(request.withPerson());
        if (withPerson != null && withPerson.length() > 200) {
            errors.add(new FieldError("withPerson", "The person's name must be 200 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        requireMayChange(caseId, actor, relationship, "SHARE_CASE");
        UUID id = UUID.randomUUID();
        // Who already knows travels with every share, so the receiving agency knows whom not to re-tell.
        List<String> known = whoElseKnows(caseId);
        jdbc.sql("""
                insert into share_decision (id, case_id, decision, with_agency_id, with_person, what, consent, lawful_basis,
                                            rationale, who_else_knows, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?)""")
                .params(id, caseId, request.decision(), agency.id(), withPerson, what, request.consent(),
                        request.lawfulBasis(), rationale, known.toArray(String[]::new), actor.userId()).update();
        if ("SHARE".equals(request.decision())) {
            involve(caseId, agency.id(), request.basis(), request.worksWith(), actor.userId());
        }
        audit.record(AuditEntry.allowed("SHARE".equals(request.decision()) ? "SHARE_CASE" : "DECIDE_NOT_TO_SHARE",
                OBJECT, caseId).with("agency", agency.id().toString()).with("decision", id.toString()));
        return id;
    }

    /**
     * Records a share that does not involve the receiving agency in the case: a school notification, a MARAC
     * agenda, an export. What was shared, with whom, when, on what basis and why, with who already knew.
     * Called by the pathways inside their own transaction, by a user with a (non break-glass) relationship.
     */
    @Transactional
    public UUID recordShare(UUID caseId, UUID withAgencyId, String withPerson, String what, String consent,
                            String lawfulBasis, String rationale) {
        Actor actor = requirePractitioner("SHARE_CASE", caseId);
        String relationship = load(caseId, actor, "SHARE_CASE");
        List<FieldError> errors = new ArrayList<>();
        if (withAgencyId == null || agencies.find(withAgencyId).filter(Agency::active).isEmpty()) {
            errors.add(new FieldError("withAgencyId", "Select the agency"));
        }
        if (trimmed(what) == null || what.trim().length() > 2000) {
            errors.add(new FieldError("what", "Say what is shared, in 2,000 characters or fewer"));
        }
        if (consent == null || !CONSENT.contains(consent)) {
            errors.add(new FieldError("consent", "Select whether the person consented"));
        }
        if (lawfulBasis == null || !LAWFUL_BASES.contains(lawfulBasis)
                || "CONSENT".equals(lawfulBasis) && !"GIVEN".equals(consent)) {
            errors.add(new FieldError("lawfulBasis", "Select the lawful basis (consent only when it was given)"));
        }
        if (trimmed(rationale) == null || rationale.trim().length() > 4000) {
            errors.add(new FieldError("rationale", "Give the reason for sharing, in 4,000 characters or fewer"));
        }
        if (trimmed(withPerson) != null && withPerson.trim().length() > 200) {
            errors.add(new FieldError("withPerson", "The person's name must be 200 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        requireMayChange(caseId, actor, relationship, "SHARE_CASE");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into share_decision (id, case_id, decision, with_agency_id, with_person, what, consent, lawful_basis,
                                            rationale, who_else_knows, decided_by)
                values (?, ?, 'SHARE', ?, ?, ?, ?, ?, ?, cast(? as text[]), ?)""")
                .params(id, caseId, withAgencyId, trimmed(withPerson), what.trim(), consent, lawfulBasis, rationale.trim(),
                        whoElseKnows(caseId).toArray(String[]::new), actor.userId()).update();
        audit.record(AuditEntry.allowed("SHARE_CASE", OBJECT, caseId).with("agency", withAgencyId.toString())
                .with("decision", id.toString()).with("involved", "false"));
        return id;
    }

    /** Allocates a worker of the caller's own agency (the caller included) to a case their agency is involved in. */
    @Transactional
    public void allocateWorker(UUID caseId, UUID userId, String worksWith) {
        Actor actor = requirePractitioner("ALLOCATE_WORKER", caseId);
        String relationship = load(caseId, actor, "ALLOCATE_WORKER");
        // Allocation names someone with need to know the restricted details: a worker already on the case brings
        // in a colleague, or a safeguarding lead (or the MARAC coordinator) allocates; nobody allocates themselves.
        boolean allocatedHere = "ALLOCATED_WORKER".equals(relationship);
        boolean lead = actor.hasRole("SAFEGUARDING_LEAD") || actor.hasRole("MARAC_COORDINATOR");
        if (!"BREAK_GLASS".equals(relationship) && !allocatedHere && !lead) {
            audit.recordIndependently(AuditEntry.refused("ALLOCATE_WORKER", OBJECT, caseId, "not allocated and not a lead"));
            throw new AccessDeniedException("A worker already on the case or a safeguarding lead allocates workers");
        }
        if (!"BREAK_GLASS".equals(relationship) && !allocatedHere && actor.userId().equals(userId)) {
            audit.recordIndependently(AuditEntry.refused("ALLOCATE_WORKER", OBJECT, caseId, "self-allocation"));
            throw new AccessDeniedException("Someone else allocates you to a case");
        }
        requireMayChange(caseId, actor, relationship, "ALLOCATE_WORKER");
        List<FieldError> errors = new ArrayList<>();
        Boolean colleague = userId == null ? null : jdbc.sql("""
                select count(*) > 0 from app_user where id = ? and agency_id = ? and enabled""")
                .params(userId, actor.agencyId()).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(colleague)) {
            errors.add(new FieldError("userId", "Select a colleague from your agency"));
        }
        if (worksWith == null || !WORKS_WITH.contains(worksWith)) {
            errors.add(new FieldError("worksWith", "Select whom they work with"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean involved = jdbc.sql("select count(*) > 0 from case_agency where case_id = ? and agency_id = ? and ended_at is null")
                .params(caseId, actor.agencyId()).query(Boolean.class).single();
        if (!involved) {
            throw InvalidRequestException.of("userId", "Your agency is not involved in this case, so it cannot allocate a worker");
        }
        boolean perpetratorAgency = jdbc.sql("select type in ('PERPETRATOR_PROGRAMME', 'PROBATION') from agency where id = ?")
                .param(actor.agencyId()).query(Boolean.class).single();
        allocate(caseId, userId, perpetratorAgency ? "PERSON_CAUSING_HARM" : worksWith, actor.userId());
        // The case's other workers are told who now shares the case's restricted details.
        String name = jdbc.sql("select display_name from app_user where id = ?").param(userId).query(String.class).single();
        String message = "%s (%s) was allocated to case %s by %s".formatted(name, actor.agencyName(),
                summary(caseId).reference(), actor.displayName());
        for (UUID recipient : jdbc.sql("select user_id from case_worker where case_id = ? and ended_at is null and user_id <> ?")
                .params(caseId, userId).query(UUID.class).list()) {
            jdbc.sql("insert into notification (id, recipient_id, kind, case_id, message) values (?, ?, 'ALLOCATION', ?, ?)")
                    .params(UUID.randomUUID(), recipient, caseId, message).update();
        }
        audit.record(AuditEntry.allowed("ALLOCATE_WORKER", OBJECT, caseId).with("worker", userId.toString()));
    }

    /**
     * Allocates a worker a procedure names, not a colleague (the IDVA every MARAC case gets, R6): their agency
     * must already be involved in the case (false, and nothing done, if not). Audited with the procedure; the
     * case's other workers are told.
     */
    @Transactional
    public boolean allocateByProcedure(UUID caseId, UUID workerId, String worksWith, String procedure) {
        Actor actor = CurrentActor.require();
        if (!WORKS_WITH.contains(worksWith)) {
            throw new IllegalArgumentException("Unknown works-with: " + worksWith);
        }
        boolean involved = jdbc.sql("""
                select count(*) > 0 from case_agency c join app_user u on u.agency_id = c.agency_id
                 where c.case_id = ? and u.id = ? and u.enabled and c.ended_at is null""")
                .params(caseId, workerId).query(Boolean.class).single();
        if (!involved) {
            return false;
        }
        allocate(caseId, workerId, worksWith, actor.userId());
        String name = jdbc.sql("select display_name from app_user where id = ?").param(workerId).query(String.class).single();
        String message = "%s was allocated to case %s (%s)".formatted(name, summary(caseId).reference(), procedure);
        for (UUID recipient : jdbc.sql("select user_id from case_worker where case_id = ? and ended_at is null and user_id <> ?")
                .params(caseId, workerId).query(UUID.class).list()) {
            jdbc.sql("insert into notification (id, recipient_id, kind, case_id, message) values (?, ?, 'ALLOCATION', ?, ?)")
                    .params(UUID.randomUUID(), recipient, caseId, message).update();
        }
        audit.record(AuditEntry.allowed("ALLOCATE_WORKER", OBJECT, caseId).with("worker", workerId.toString())
                .with("procedure", procedure));
        return true;
    }

    /** Colleagues the caller may allocate. */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        Actor actor = CurrentActor.require();
        return jdbc.sql("select id, display_name from app_user where agency_id = ? and enabled order by display_name")
                .param(actor.agencyId()).query((rs, n) -> new Colleague(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    public record Colleague(UUID id, String displayName) {
    }

    /** Changes the lead agency (one of the agencies involved), if nobody changed the case since it was read. */
    @Transactional
    public void changeLeadAgency(UUID caseId, UUID agencyId, int expectedVersion) {
        Actor actor = requirePractitioner("CHANGE_LEAD_AGENCY", caseId);
        String relationship = load(caseId, actor, "CHANGE_LEAD_AGENCY");
        requireMayChange(caseId, actor, relationship, "CHANGE_LEAD_AGENCY");
        boolean involved = agencyId != null && jdbc.sql("""
                select count(*) > 0 from case_agency where case_id = ? and agency_id = ? and ended_at is null""")
                .params(caseId, agencyId).query(Boolean.class).single();
        if (!involved) {
            throw InvalidRequestException.of("leadAgencyId", "Select one of the agencies involved in the case");
        }
        int updated = jdbc.sql("update dva_case set lead_agency_id = ?, version = version + 1 where id = ? and version = ?")
                .params(agencyId, caseId, expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("This case was changed by someone else since you read it. Nothing was saved.");
        }
        audit.record(AuditEntry.allowed("CHANGE_LEAD_AGENCY", OBJECT, caseId).with("agency", agencyId.toString()));
    }

    /**
     * Closes the case with the reason, if it is still at the version the caller read. The lead agency closes
     * it (a worker allocated to it, or a safeguarding lead), and only with no task on it still open: a case
     * closed with work outstanding is how referrals get lost. The retention period runs from the closure.
     */
    @Transactional
    public void close(UUID caseId, String reason, int expectedVersion) {
        Actor actor = requirePractitioner("CLOSE_CASE", caseId);
        String relationship = load(caseId, actor, "CLOSE_CASE");
        requireMayChange(caseId, actor, relationship, "CLOSE_CASE");
        Map<String, Object> row = jdbc.sql("select status, lead_agency_id from dva_case where id = ?").param(caseId)
                .query().singleRow();
        boolean leadAgency = actor.agencyId().equals(row.get("lead_agency_id"));
        if (!leadAgency || !("ALLOCATED_WORKER".equals(relationship) || actor.hasRole("SAFEGUARDING_LEAD"))) {
            audit.recordIndependently(AuditEntry.refused("CLOSE_CASE", OBJECT, caseId, "not the lead agency's worker or lead"));
            throw new AccessDeniedException("The lead agency's allocated worker or a safeguarding lead closes the case");
        }
        List<FieldError> errors = new ArrayList<>();
        String text = reason == null ? "" : reason.trim();
        if (!"OPEN".equals(row.get("status"))) {
            errors.add(new FieldError("reason", "This case is already closed"));
        } else if (text.length() < 10 || text.length() > 2000) {
            errors.add(new FieldError("reason", "Say why the case is closing, in 10 to 2,000 characters"));
        }
        long open = tasks.openOnCase(caseId);
        if (open > 0) {
            errors.add(new FieldError("reason", open + (open == 1 ? " task is" : " tasks are")
                    + " still open on this case: complete or cancel them first"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int updated = jdbc.sql("""
                update dva_case set status = 'CLOSED', closed_at = now(), closed_by = ?, closure_reason = ?,
                       version = version + 1
                 where id = ? and version = ? and status = 'OPEN'""")
                .params(actor.userId(), text, caseId, expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("This case was changed by someone else since you read it. Nothing was saved.");
        }
        audit.record(AuditEntry.allowed("CLOSE_CASE", OBJECT, caseId));
    }

    // ---- break-glass --------------------------------------------------------------------------

    /**
     * Opens a case the caller has no relationship with, for a limited time, on a stated reason. The case's
     * allocated workers and the safeguarding leads of the caller's agency are told at once.
     */
    @Transactional
    public BreakGlassGrant breakGlass(String reference, String reason) {
        Actor actor = requirePractitioner("BREAK_GLASS", null);
        List<FieldError> errors = new ArrayList<>();
        String ref = trimmed(reference);
        if (ref == null || !ref.matches("(?i)DA-\\d{4}-\\d{6,12}")) {
            errors.add(new FieldError("reference", "Enter the case reference, like DA-2026-000123"));
        }
        String why = trimmed(reason);
        if (why == null || why.length() < 10 || why.length() > 2000) {
            errors.add(new FieldError("reason", "Give your reason for opening this case, at least 10 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (PERPETRATOR_AGENCIES.contains(agencies.get(actor.agencyId()).type())) {
            audit.recordIndependently(AuditEntry.refused("BREAK_GLASS", OBJECT, null, "works with the person causing harm"));
            throw new AccessDeniedException("Agencies working with the person causing harm cannot break glass");
        }
        // References are sequential: a sweep must not be possible, so attempts are limited per user.
        var decision = rateLimits.hit("break-glass", actor.userId().toString(), BREAK_GLASS_LIMIT);
        if (!decision.allowed()) {
            audit.recordIndependently(AuditEntry.refused("BREAK_GLASS", OBJECT, null, "rate limited"));
            throw new org.waymark.platform.TooManyRequestsException(decision.retryAfterSeconds());
        }
        UUID caseId = jdbc.sql("select id from dva_case where reference = ?").param(ref.toUpperCase())
                .query(UUID.class).optional().orElse(null);
        if (caseId == null) {
            audit.recordIndependently(AuditEntry.refused("BREAK_GLASS", OBJECT, null, "no such case"));
            throw InvalidRequestException.of("reference", "There is no case with that reference");
        }
        String existing = relationship(actor, caseId);
        if (existing != null && !existing.equals("BREAK_GLASS")) {
            return new BreakGlassGrant(caseId, null, false);
        }
        // The database's clock decides expiry, as it does in every access check.
        Instant expires = jdbc.sql("""
                insert into break_glass_access (id, case_id, user_id, reason, granted_at, expires_at)
                values (?, ?, ?, ?, now(), now() + make_interval(secs => ?)) returning expires_at""")
                .params(UUID.randomUUID(), caseId, actor.userId(), why, (double) breakGlassFor.toSeconds())
                .query(java.sql.Timestamp.class).single().toInstant();
        String reference1 = summary(caseId).reference();
        // The reason stays in the case's break-glass log (it may name places); the message only points there.
        String message = "%s (%s) opened case %s without a relationship, until %s. The reason is in the case's break-glass log."
                .formatted(actor.displayName(), actor.agencyName(), reference1,
                        expires.atZone(ZoneId.of("Europe/London")).toLocalDateTime().withSecond(0).withNano(0));
        List<UUID> recipients = jdbc.sql("""
                select user_id from case_worker where case_id = ? and ended_at is null and works_with <> 'PERSON_CAUSING_HARM'
                union
                select u.id from app_user u join app_user_role r on r.user_id = u.id
                 where u.enabled and r.role = 'SAFEGUARDING_LEAD'
                   and (u.agency_id = ? or u.agency_id = (select lead_agency_id from dva_case where id = ?))
                """).params(caseId, actor.agencyId(), caseId).query(UUID.class).list();
        for (UUID recipient : recipients) {
            if (!recipient.equals(actor.userId())) {
                jdbc.sql("insert into notification (id, recipient_id, kind, case_id, message) values (?, ?, 'BREAK_GLASS', ?, ?)")
                        .params(UUID.randomUUID(), recipient, caseId, message).update();
            }
        }
        audit.record(AuditEntry.allowed("BREAK_GLASS", OBJECT, caseId).with("until", expires.toString())
                .with("notified", Integer.toString(recipients.size())));
        return new BreakGlassGrant(caseId, expires, true);
    }

    public record BreakGlassGrant(UUID caseId, Instant expiresAt, boolean granted) {
    }

    // ---- notifications -----------------------------------------------------------------------

    public record Notification(UUID id, String kind, UUID caseId, String message, Instant createdAt, boolean read) {
    }

    @Transactional(readOnly = true)
    public List<Notification> notifications() {
        Actor actor = CurrentActor.require();
        return jdbc.sql("""
                select * from notification where recipient_id = ? order by created_at desc limit 100""")
                .param(actor.userId()).query((rs, n) -> new Notification(rs.getObject("id", UUID.class),
                        rs.getString("kind"), rs.getObject("case_id", UUID.class), rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null)).list();
    }

    @Transactional(readOnly = true)
    public long unreadNotifications() {
        return CurrentActor.find().map(actor -> jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(actor.userId()).query(Long.class).single()).orElse(0L);
    }

    @Transactional
    public void markNotificationsRead() {
        Actor actor = CurrentActor.require();
        jdbc.sql("update notification set read_at = now() where recipient_id = ? and read_at is null")
                .param(actor.userId()).update();
    }

    // ---- retention -------------------------------------------------------------------------------

    /**
     * Anonymises a closed case's own free text once its retention has ended and the governance module holds a
     * recorded approval: the closure reason, what each share said, its rationale, the person it went to and who
     * already knew, break-glass reasons and the notification messages. The reference, dates, agencies, bases
     * and lawful bases stay (they name no one). Its incidents and people are anonymised by their own modules.
     * Only a safeguarding lead or an administrator; an open case is refused.
     */
    @Transactional
    public void anonymise(UUID caseId) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN") && !actor.hasRole("SAFEGUARDING_LEAD")) {
            audit.recordIndependently(AuditEntry.refused("ANONYMISE_CASE", OBJECT, caseId, "not an approver of retention"));
            throw new AccessDeniedException("Only a safeguarding lead or an administrator may anonymise a record");
        }
        int updated = jdbc.sql("update dva_case set closure_reason = null, version = version + 1 where id = ? and status = 'CLOSED'")
                .param(caseId).update();
        if (updated == 0) {
            throw new NotFoundException("Closed case");
        }
        jdbc.sql("""
                update share_decision set with_person = null, what = '[anonymised]', rationale = '[anonymised]',
                       who_else_knows = '{}' where case_id = ?""").param(caseId).update();
        jdbc.sql("update break_glass_access set reason = 'Anonymised at the end of retention' where case_id = ?")
                .param(caseId).update();
        jdbc.sql("update notification set message = '[anonymised]' where case_id = ?").param(caseId).update();
        // The pathways' own copies (notifications, referrals) are anonymised by their modules, in this transaction.
        events.publishEvent(new CaseAnonymised(caseId));
        audit.record(AuditEntry.allowed("ANONYMISE_CASE", OBJECT, caseId));
    }

    // ---- access ---------------------------------------------------------------------------------

    /** Whether the actor works with the person causing harm in this case (judged for its other people). */
    private boolean perpetratorSide(Actor actor, UUID caseId) {
        List<UUID> people = jdbc.sql("select distinct person_id from case_person where case_id = ? and role <> 'PERSON_CAUSING_HARM'")
                .param(caseId).query(UUID.class).list();
        return needToKnow.perpetratorSide(actor, people) || jdbc.sql("""
                select exists (select 1 from case_agency where case_id = ? and agency_id = ? and ended_at is null
                                 and works_with = 'PERSON_CAUSING_HARM'
                               union all
                               select 1 from case_worker where case_id = ? and user_id = ? and ended_at is null
                                 and works_with = 'PERSON_CAUSING_HARM')""")
                .params(caseId, actor.agencyId(), caseId, actor.userId()).query(Boolean.class).single();
    }

    /** Changes to a case are for its own agencies on the victim's side, never break-glass or the perpetrator side. */
    private void requireMayChange(UUID caseId, Actor actor, String relationship, String action) {
        if ("BREAK_GLASS".equals(relationship)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, caseId, "break-glass access only"));
            throw new AccessDeniedException("Break-glass access is for reading: it does not allow changes or sharing");
        }
        if (perpetratorSide(actor, caseId)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, caseId, "works with the person causing harm"));
            throw new AccessDeniedException("Agencies working with the person causing harm cannot change or share this case");
        }
    }

    /** The caller's relationship with the case, or 404 (audited) when there is none. */
    private String load(UUID caseId, Actor actor, String action) {
        boolean exists = caseId != null && jdbc.sql("select count(*) > 0 from dva_case where id = ?").param(caseId)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("Case");
        }
        String relationship = relationship(actor, caseId);
        if (relationship == null) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, caseId, "no relationship with the case"));
            throw new NotFoundException("Case");
        }
        return relationship;
    }

    private String relationship(Actor actor, UUID caseId) {
        return jdbc.sql("""
                select case
                  when exists (select 1 from case_worker where case_id = :c and user_id = :u and ended_at is null)
                       then 'ALLOCATED_WORKER'
                  when exists (select 1 from case_agency where case_id = :c and agency_id = :a and ended_at is null)
                       then 'CASE_INVOLVEMENT'
                  when exists (select 1 from break_glass_access where case_id = :c and user_id = :u and expires_at > now())
                       then 'BREAK_GLASS'
                end""").param("c", caseId).param("u", actor.userId()).param("a", actor.agencyId())
                .query(String.class).optional().orElse(null);
    }

    private Actor requirePractitioner(String action, UUID caseId) {
        Actor actor = CurrentActor.require();
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, caseId, "administration-only account"));
            throw new AccessDeniedException("Cases are for practitioners");
        }
        return actor;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
