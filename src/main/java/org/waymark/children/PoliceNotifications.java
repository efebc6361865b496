package org.waymark.children;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.cases.CaseSummary;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.incidents.DerivedFacts;
import org.waymark.incidents.IncidentView;
import org.waymark.incidents.Incidents;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.ActionCode;
import org.waymark.risk.AssessmentRecords;
import org.waymark.risk.CaseFacts;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.Evaluation;
import org.waymark.risk.ProcedureRules;
import org.waymark.risk.RecommendedAction;
import org.waymark.risk.Severity;
import org.waymark.tasks.NewTask;
import org.waymark.tasks.Tasks;

import tools.jackson.databind.json.JsonMapper;

/**
 * Police notifications to the MASH (WM-2.24 police response; SOL police response and triage; DDSCP police
 * notifications). Submitting runs the decision rules over the incident, the children and the DASH, freezes the
 * result, shares the case with the MASH (a recorded decision to share), routes it for triage with its deadline,
 * and creates the strategy discussion and school notifications the rules require, each a task with an owner
 * and a due time. Nothing is emailed: the receiving teams see it in their queues.
 */
@Service
public class PoliceNotifications {

    static final String OBJECT = "POLICE_NOTIFICATION";
    static final Set<String> EXPERIENCES = Set.of("PRESENT", "SAW", "HEARD", "NOT_PRESENT");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Incidents incidents;
    private final People people;
    private final Cases cases;
    private final Agencies agencies;
    private final AssessmentRecords assessments;
    private final ProcedureRules rules;
    private final Tasks tasks;
    private final Schools schools;
    private final WorkingCalendar calendar;
    private final ChildrenSettings settings;
    private final ChildrenAccess access;
    private final JsonMapper json;
    private final Clock clock;
    private final org.waymark.marac.MaracReferrals maracReferrals;

    PoliceNotifications(JdbcClient jdbc, AuditTrail audit, Incidents incidents, People people, Cases cases,
                        Agencies agencies, AssessmentRecords assessments, ProcedureRules rules, Tasks tasks,
                        Schools schools, WorkingCalendar calendar, ChildrenSettings settings, ChildrenAccess access,
                        JsonMapper json, Clock clock, org.waymark.marac.MaracReferrals maracReferrals) {
        this.maracReferrals = maracReferrals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.incidents = incidents;
        this.people = people;
        this.cases = cases;
        this.agencies = agencies;
        this.assessments = assessments;
        this.rules = rules;
        this.tasks = tasks;
        this.schools = schools;
        this.calendar = calendar;
        this.settings = settings;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    /** The children recorded on an incident, for the notification form. */
    public record IncidentChild(UUID personId, String name, Integer ageYears, String experience) {
    }

    /** An incident the officer may notify about: its victim and children, and the victim's completed DASHes. */
    public record NotifiableIncident(IncidentView incident, UUID victimPersonId, String victimName,
                                     List<IncidentChild> children, List<AssessmentRecords.AssessmentSummary> dashes) {
    }

    @Transactional
    public NotifiableIncident notifiable(UUID incidentId) {
        // The incident first: someone who may not see it is told it does not exist, whatever their role.
        IncidentView incident = incidents.get(incidentId);
        Actor actor = requireOfficer("START_POLICE_NOTIFICATION");
        List<FieldError> errors = new ArrayList<>();
        NotifiableIncident notifiable = notifiable(actor, incident, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return notifiable;
    }

    private NotifiableIncident notifiable(Actor actor, IncidentView incident, List<FieldError> errors) {
        UUID reportingAgency = jdbc.sql("select reporting_agency_id from incident where id = ?").param(incident.id())
                .query(UUID.class).single();
        if (!reportingAgency.equals(actor.agencyId())) {
            errors.add(new FieldError("incidentId", "Select an incident your own force recorded"));
            return null;
        }
        if (jdbc.sql("select count(*) > 0 from police_notification where incident_id = ?").param(incident.id())
                .query(Boolean.class).single()) {
            errors.add(new FieldError("incidentId", "The MASH has already been notified of this incident"));
            return null;
        }
        List<IncidentView.Involved> victims = incident.people().stream().filter(p -> p.role().equals("VICTIM")).toList();
        if (victims.size() != 1) {
            errors.add(new FieldError("incidentId", "The incident must name one victim"));
            return null;
        }
        UUID victimId = victims.get(0).personId();
        List<IncidentChild> children = incident.people().stream().filter(p -> p.role().equals("CHILD"))
                .map(p -> new IncidentChild(p.personId(), p.name(), ageAt(people.get(p.personId()).dateOfBirth(),
                        incident.occurredOn()), p.experience())).toList();
        List<AssessmentRecords.AssessmentSummary> dashes = assessments.completedAbout(people.samePerson(victimId)).stream()
                .filter(AssessmentRecords.AssessmentSummary::ownAgency).toList();
        return new NotifiableIncident(incident, victimId, victims.get(0).name(), children, dashes);
    }

    /** Submits a notification: evaluates, freezes and routes it. Returns its id. */
    @Transactional
    public UUID submit(NewPoliceNotification request) {
        Actor actor = requireOfficer("SUBMIT_POLICE_NOTIFICATION");
        List<FieldError> errors = new ArrayList<>();
        if (request.incidentId() == null) {
            throw new InvalidRequestException(List.of(new FieldError("incidentId", "Select the incident")));
        }
        IncidentView incident = incidents.get(request.incidentId());
        NotifiableIncident notifiable = notifiable(actor, incident, errors);
        if (notifiable == null) {
            throw new InvalidRequestException(errors);
        }
        boolean pregnant = Boolean.TRUE.equals(request.victimPregnant());
        // Every child recorded on the incident is described, and nobody else.
        Map<UUID, IncidentChild> onIncident = notifiable.children().stream()
                .collect(Collectors.toMap(IncidentChild::personId, c -> c, (a, b) -> a));
        Set<UUID> described = new LinkedHashSet<>();
        List<NewPoliceNotification.ChildDetails> details = request.children();
        for (int i = 0; i < details.size(); i++) {
            NewPoliceNotification.ChildDetails child = details.get(i);
            String at = "children[" + i + "]";
            if (child == null || child.personId() == null || !onIncident.containsKey(child.personId())) {
                errors.add(new FieldError(at + ".personId", "Select a child recorded on the incident"));
                continue;
            }
            if (!described.add(child.personId())) {
                errors.add(new FieldError(at + ".personId", "Describe each child once"));
            }
            if (child.livesInHousehold() == null) {
                errors.add(new FieldError(at + ".livesInHousehold", "Say whether " + onIncident.get(child.personId()).name()
                        + " lives in the household"));
            }
            if (child.experience() != null && !EXPERIENCES.contains(child.experience())) {
                errors.add(new FieldError(at + ".experience", "Select what the child saw or heard"));
            }
            Integer age = onIncident.get(child.personId()).ageYears();
            if (age != null && age >= 18) {
                errors.add(new FieldError(at + ".personId", onIncident.get(child.personId()).name()
                        + " is 18 or over: record them as another household member, not a child"));
            }
            text(child.demeanour(), 4000, at + ".demeanour", "The child's demeanour", errors);
            text(child.risks(), 4000, at + ".risks", "The risks to the child", errors);
            text(child.historySeen(), 4000, at + ".historySeen", "The abuse the child has seen before", errors);
            text(child.supportSuggested(), 2000, at + ".supportSuggested", "The support that may help", errors);
            if (child.schoolAgencyId() != null && agencies.find(child.schoolAgencyId())
                    .filter(a -> a.active() && a.type() == AgencyType.EDUCATION).isEmpty()) {
                errors.add(new FieldError(at + ".schoolAgencyId", "Select the child's school or nursery from the list"));
            }
        }
        for (IncidentChild child : notifiable.children()) {
            if (!described.contains(child.personId())) {
                errors.add(new FieldError("children", "Describe every child recorded on the incident: " + child.name()
                        + " is missing"));
            }
        }
        if (notifiable.children().isEmpty() && !pregnant) {
            errors.add(new FieldError("children", "A notification to the MASH is about children: record the children"
                    + " in the household on the incident first (or say the victim is pregnant)"));
        }
        CriminalJusticeOutcome outcome = null;
        if (request.criminalJusticeOutcome() != null) {
            try {
                outcome = CriminalJusticeOutcome.valueOf(request.criminalJusticeOutcome());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("criminalJusticeOutcome", "Select the criminal justice outcome from the list"));
            }
        }
        int mappa = request.perpetratorMappaLevel() == null ? 0 : request.perpetratorMappaLevel();
        if (mappa < 0 || mappa > 3) {
            errors.add(new FieldError("perpetratorMappaLevel", "The MAPPA level is 0 (none), 1, 2 or 3"));
        }
        AssessmentRecords.CompletedDash dash = null;
        if (request.riskAssessmentId() != null) {
            dash = assessments.ownCompletedDash(request.riskAssessmentId())
                    .filter(d -> d.personId() != null && people.samePerson(notifiable.victimPersonId()).contains(d.personId()))
                    .orElse(null);
            if (dash == null) {
                errors.add(new FieldError("riskAssessmentId", "Select a DASH your force completed with this victim"));
            }
        }
        Optional<CaseSummary> theCase = cases.openCaseOf(notifiable.victimPersonId());
        if (theCase.isEmpty()) {
            errors.add(new FieldError("incidentId", "The victim has no open case your force can see"));
        }
        Agency mash = agencyOfType(AgencyType.MASH, settings.mashAgency());
        if (mash == null) {
            errors.add(new FieldError("incidentId", "Waymark cannot tell which MASH receives your force's notifications"
                    + " (none, or several and none named): ask your administrator to set waymark.children.mash-agency"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }

        // ---- the rules -----------------------------------------------------------------------------
        LocalDate on = incident.occurredOn();
        Person victim = people.get(notifiable.victimPersonId());
        UUID harmId = incident.people().stream().filter(p -> p.role().equals("PERSON_CAUSING_HARM"))
                .map(IncidentView.Involved::personId).findFirst().orElse(null);
        Integer harmAge = harmId == null ? null : ageAt(people.get(harmId).dateOfBirth(), on);
        List<ChildRow> rows = new ArrayList<>();
        for (NewPoliceNotification.ChildDetails child : details) {
            IncidentChild known = onIncident.get(child.personId());
            String experience = child.experience() != null ? child.experience() : known.experience();
            rows.add(new ChildRow(child.personId(), known.name(), false, known.ageYears(), child.livesInHousehold(),
                    experience, child));
        }
        if (pregnant) {
            rows.add(new ChildRow(null, "Unborn child", true, null, true, null, null));
        }
        List<CaseFacts.Child> factsChildren = rows.stream().map(r -> new CaseFacts.Child(r.ageYears(), r.unborn(),
                r.livesInHousehold(), r.experience() != null && !r.experience().equals("NOT_PRESENT"),
                r.details() != null && Boolean.TRUE.equals(r.details().harmed()),
                r.details() != null && Boolean.TRUE.equals(r.details().witnessedSeriousHarm()),
                r.details() != null && Boolean.TRUE.equals(r.details().inViolentRelationship()),
                r.details() != null && r.details().schoolAgencyId() != null)).toList();
        DerivedFacts derived = incidents.facts(notifiable.victimPersonId(), on);
        NewPoliceNotification.Household h = request.household();
        CaseFacts facts = new CaseFacts(on,
                new CaseFacts.Victim(ageAt(victim.dateOfBirth(), on), pregnant, request.victimCareAndSupportNeeds()),
                new CaseFacts.Perpetrator(harmAge, mappa), factsChildren,
                new CaseFacts.Incident(incident.severity() == null ? null : Severity.valueOf(incident.severity()),
                        request.otherRiskIndicators(), incident.sexualViolence(), incident.strangulation(),
                        incident.weapon(), incident.threatsToKill(), derived.escalating(), request.honourBasedViolence(),
                        request.forcedMarriage(), outcome),
                dash == null ? null : new CaseFacts.Dash(true, dash.answers()),
                dash == null ? null : dash.assessedLevel(), false, derived.policeCalloutsLast12Months(),
                derived.dvaIncidentsLast12Months(), monthsSinceLastMaracReferral(notifiable.victimPersonId()),
                new CaseFacts.Household(h.parentalMentalIllHealth(), h.parentalSubstanceMisuse(),
                        h.informalAgreementsBrokenDown(), h.adultsUnableToAcceptImpact(), h.contactArrangementsRisk()),
                null, false);
        Evaluation evaluation = rules.evaluate(facts, rules.defaultProfile());

        // ---- the record ----------------------------------------------------------------------------
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        CaseSummary caseSummary = theCase.get();
        long n = jdbc.sql("select nextval('police_notification_reference_seq')").query(Long.class).single();
        String reference = "PN-%d-%06d".formatted(now.atZone(ZoneId.of("Europe/London")).getYear(), n);
        jdbc.sql("""
                insert into police_notification (id, reference, incident_id, case_id, victim_person_id, agency_id,
                    submitted_by, submitted_at, profile, risk_assessment_id, risk_level, dash_yes_count,
                    criminal_justice_outcome, victim_pregnant, perpetrator_mappa_level, household, evaluation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(id, reference, incident.id(), caseSummary.id(), notifiable.victimPersonId(), actor.agencyId(),
                        actor.userId(), Timestamp.from(now), evaluation.profile(),
                        dash == null ? null : dash.id(),
                        evaluation.riskLevel() == null ? null : evaluation.riskLevel().name(), evaluation.dashYesCount(),
                        outcome == null ? null : outcome.name(), pregnant, mappa, json.writeValueAsString(h),
                        json.writeValueAsString(evaluation)).update();
        List<UUID> childIds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ChildRow r = rows.get(i);
            NewPoliceNotification.ChildDetails d = r.details();
            UUID childId = UUID.randomUUID();
            childIds.add(childId);
            jdbc.sql("""
                    insert into notification_child (id, notification_id, position, person_id, display_name, unborn, age_years,
                        lives_in_household, experience, demeanour, risks, history_seen, harmed, witnessed_serious_harm,
                        in_violent_relationship, school_agency_id, support_suggested)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(childId, id, i, r.personId(), r.name(), r.unborn(), r.ageYears(), r.livesInHousehold(),
                            r.experience(), d == null ? null : trimmed(d.demeanour()), d == null ? null : trimmed(d.risks()),
                            d == null ? null : trimmed(d.historySeen()), d != null && Boolean.TRUE.equals(d.harmed()),
                            d != null && Boolean.TRUE.equals(d.witnessedSeriousHarm()),
                            d != null && Boolean.TRUE.equals(d.inViolentRelationship()),
                            d == null ? null : d.schoolAgencyId(), d == null ? null : trimmed(d.supportSuggested()))
                    .update();
        }
        audit.record(AuditEntry.allowed("SUBMIT_POLICE_NOTIFICATION", OBJECT, id)
                .with("incident", incident.id().toString()).with("case", caseSummary.id().toString()));

        // ---- the MASH: a recorded decision to share, and triage by its route and deadline ------------
        cases.decideSharing(caseSummary.id(), new SharingRequest("SHARE", mash.id(), null,
                "Police notification " + reference + ": the incident, the children in the household and what each"
                        + " experienced, the DASH result and the criminal justice outcome",
                "NOT_SOUGHT", "PUBLIC_TASK",
                "Police must notify the MASH of every domestic incident with children in the household (WM-2.24 police"
                        + " response; SOL domestic abuse triage)", "MASH_TRIAGE", "WHOLE_FAMILY"));
        List<UUID> familyIds = new ArrayList<>(people.samePerson(notifiable.victimPersonId()));
        rows.stream().filter(r -> r.personId() != null).forEach(r -> familyIds.addAll(people.samePerson(r.personId())));
        UUID caseworker = jdbc.sql("""
                        select w.user_id from case_worker w
                          join app_user u on u.id = w.user_id and u.enabled
                          join agency a on a.id = u.agency_id and a.type = 'CHILDRENS_SOCIAL_CARE'
                          join dva_case c on c.id = w.case_id and c.status = 'OPEN'
                          join case_person p on p.case_id = w.case_id
                         where w.ended_at is null and p.person_id = any(?)
                         order by w.allocated_at limit 1""").param(familyIds.toArray(UUID[]::new))
                .query(UUID.class).optional().orElse(null);
        TriageRules.Routing routing = TriageRules.route(evaluation.riskLevel(), null, caseworker != null);
        Instant triageDue = TriageRules.dueAt(routing.route(), now, settings.triageDeadlines(), calendar);
        Thresholds.Recommendation recommendation = Thresholds.recommend(evaluation);
        jdbc.sql("""
                insert into mash_triage (notification_id, route, route_reason, caseworker_user_id, urgent, due_at,
                                         recommended_outcome, information_and_advice_permitted)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, routing.route().name(), routing.reason(),
                        routing.route() == TriageRules.Route.CASEWORKER ? caseworker : null, routing.urgent(),
                        Timestamp.from(triageDue), recommendation.outcome().name(),
                        recommendation.informationAndAdvicePermitted()).update();
        UUID caseworkerAgency = caseworker == null ? null
                : jdbc.sql("select agency_id from app_user where id = ?").param(caseworker).query(UUID.class).single();
        if (routing.route() == TriageRules.Route.CASEWORKER) {
            boolean involved = jdbc.sql("select count(*) > 0 from case_agency where case_id = ? and agency_id = ? and ended_at is null")
                    .params(caseSummary.id(), caseworkerAgency).query(Boolean.class).single();
            if (!involved) {
                cases.decideSharing(caseSummary.id(), new SharingRequest("SHARE", caseworkerAgency, null,
                        "Police notification " + reference + " for the family's allocated social worker", "NOT_SOUGHT",
                        "PUBLIC_TASK", "The family is already open to children's social care: notifications go to the"
                                + " allocated social worker (SOL domestic abuse triage)", "REFERRED", "WHOLE_FAMILY"));
            }
            tasks.create(new NewTask(MashTriage.TASK, "Police notification " + reference + " for your family: decide the response",
                    OBJECT, id, "/mash/triage/" + id, caseSummary.id(), caseworkerAgency, caseworker, mash.id(), triageDue,
                    false));
        } else {
            tasks.create(new NewTask(MashTriage.TASK, (routing.urgent() ? "Urgent: triage " : "Triage ")
                    + "police notification " + reference, OBJECT, id, "/mash/triage/" + id, caseSummary.id(), mash.id(),
                    null, null, triageDue, routing.urgent()));
        }

        // ---- strategy discussion (C6, C6d, C10) -------------------------------------------------------
        Optional<RecommendedAction> strategy = evaluation.action(ActionCode.STRATEGY_DISCUSSION);
        if (strategy.isPresent()) {
            strategyDiscussionFor(id, reference, caseSummary.id(), strategy.get(), now);
        }

        // ---- school notifications (C3, C3d) -----------------------------------------------------------
        for (RecommendedAction notify : evaluation.actions(ActionCode.NOTIFY_SCHOOL)) {
            int index = notify.childIndex();
            ChildRow row = rows.get(index);
            UUID school = row.details() == null ? null : row.details().schoolAgencyId();
            if (school == null) {
                // C3d names every school-age child; without a school the officer's force must find it.
                tasks.create(new NewTask("FIND_SCHOOL", "Find the school of child " + (index + 1) + " on " + reference
                        + " so it can be told before the next school day", OBJECT, id, "/children/notifications/" + id,
                        caseSummary.id(), actor.agencyId(), actor.userId(), mash.id(),
                        calendar.endOfNextWorkingDay(now).toInstant(), true));
                continue;
            }
            notifySchool(id, reference, caseSummary.id(), childIds.get(index), school, incident.occurredOn(),
                    notify, mash.id(), now);
        }
        return id;
    }

    private record ChildRow(UUID personId, String name, boolean unborn, Integer ageYears, boolean livesInHousehold,
                            String experience, NewPoliceNotification.ChildDetails details) {
    }

    /** Opens the strategy discussion the rules call for, with the reasons and the agencies to involve. */
    void strategyDiscussionFor(UUID notificationId, String reference, UUID caseId, RecommendedAction action, Instant now) {
        if (jdbc.sql("select count(*) > 0 from strategy_discussion where notification_id = ?").param(notificationId)
                .query(Boolean.class).single()) {
            return;
        }
        Agency socialCare = agencyOfType(AgencyType.CHILDRENS_SOCIAL_CARE, settings.childrensSocialCareAgency());
        if (socialCare == null) {
            throw new InvalidRequestException(List.of(new FieldError("incidentId", "Waymark cannot tell which children's"
                    + " social care receives strategy discussions (none, or several and none named): ask your administrator"
                    + " to set waymark.children.childrens-social-care-agency")));
        }
        Actor actor = CurrentActor.require();
        if (!socialCare.id().equals(actor.agencyId())) {
            cases.decideSharing(caseId, new SharingRequest("SHARE", socialCare.id(), null,
                    "Police notification " + reference + " and the reasons a strategy discussion is needed",
                    "NOT_SOUGHT", "SIGNIFICANT_HARM_TO_CHILD",
                    "The rules call for a strategy discussion (" + String.join(", ", action.rules())
                            + "): there is reasonable cause to suspect significant harm to a child", "REFERRED",
                    "WHOLE_FAMILY"));
        }
        // Police, children's social care, health and every other agency working with the family (WM-2.24, DDSCP).
        Set<UUID> involve = new LinkedHashSet<>(jdbc.sql("""
                        select a.id from case_agency ca join agency a on a.id = ca.agency_id
                         where ca.case_id = ? and ca.ended_at is null and a.active
                           and a.type not in ('PERPETRATOR_PROGRAMME', 'MASH') order by ca.added_at""")
                .param(caseId).query(UUID.class).list());
        involve.add(socialCare.id());
        involve.addAll(jdbc.sql("""
                        select distinct p.recorded_by_agency_id from case_person cp join person p on p.id = cp.person_id
                          join agency a on a.id = p.recorded_by_agency_id
                         where cp.case_id = ? and a.active and a.type like 'HEALTH%'""")
                .param(caseId).query(UUID.class).list());
        UUID id = UUID.randomUUID();
        Instant due = calendar.endOfNextWorkingDay(now).toInstant();
        jdbc.sql("""
                insert into strategy_discussion (id, notification_id, case_id, owner_agency_id, reasons, rules,
                                                 agencies_to_involve, due_at)
                values (?, ?, ?, ?, cast(? as text[]), cast(? as text[]), cast(? as uuid[]), ?)""")
                .params(id, notificationId, caseId, socialCare.id(),
                        action.reasons().stream().map(Enum::name).toArray(String[]::new),
                        action.rules().toArray(String[]::new), involve.toArray(UUID[]::new), Timestamp.from(due)).update();
        tasks.create(new NewTask(StrategyDiscussions.TASK, "Hold a strategy discussion: police notification " + reference,
                StrategyDiscussions.OBJECT, id, "/strategy-discussions/" + id, caseId, socialCare.id(), null, null, due,
                true));
        audit.record(AuditEntry.allowed("OPEN_STRATEGY_DISCUSSION", StrategyDiscussions.OBJECT, id)
                .with("rules", String.join(",", action.rules())));
    }

    private void notifySchool(UUID notificationId, String reference, UUID caseId, UUID childId, UUID schoolId,
                              LocalDate incidentOn, RecommendedAction action, UUID mashId, Instant now) {
        Schools.School school = schools.get(schoolId);
        Instant due;
        try {
            due = school.calendar().nextSchoolDayStartAfter(now, calendar).toInstant();
        } catch (IllegalStateException e) {
            // A calendar without any school day is a configuration error; the safe side is the next working day.
            due = calendar.nextWorkingDayAfter(now.atZone(WorkingCalendar.LONDON).toLocalDate())
                    .atTime(SchoolCalendar.DEFAULT_START).atZone(WorkingCalendar.LONDON).toInstant();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into school_notification (id, notification_id, child_id, school_agency_id, due_at) values (?, ?, ?, ?, ?)")
                .params(id, notificationId, childId, schoolId, Timestamp.from(due)).update();
        cases.recordShare(caseId, schoolId, school.keyAdultName(),
                "That a domestic incident happened on " + incidentOn + ", whether the child was there, and the support that"
                        + " may help (never the address or the account)", "NOT_SOUGHT", "PUBLIC_TASK",
                "School notification (" + String.join(", ", action.rules()) + ", " + action.source()
                        + "): the key adult is told before the next school day so the school can support the child");
        tasks.create(new NewTask(SchoolNotifications.TASK, "Read and acknowledge a domestic abuse notification ("
                + reference + ")", SchoolNotifications.OBJECT, id, "/school-notifications/" + id, null, schoolId,
                school.keyAdultUserId(), mashId, due, true));
        audit.record(AuditEntry.allowed("NOTIFY_SCHOOL", SchoolNotifications.OBJECT, id).with("school", schoolId.toString())
                .with("due", due.toString()));
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** An incident the caller's force recorded that the MASH has not been told about yet. */
    public record AwaitingNotification(UUID incidentId, LocalDate occurredOn, String victimName, int children) {
    }

    @Transactional
    public List<AwaitingNotification> awaitingNotification() {
        Actor actor = requireOfficer("LIST_POLICE_NOTIFICATIONS");
        return jdbc.sql("""
                        select i.id, i.occurred_on, v.person_id,
                               (select count(*) from incident_person c where c.incident_id = i.id and c.role = 'CHILD') as children
                          from incident i join incident_person v on v.incident_id = i.id and v.role = 'VICTIM'
                         where i.reporting_agency_id = ?
                           and not exists (select 1 from police_notification n where n.incident_id = i.id)
                         order by i.occurred_on desc, i.id limit 50""").param(actor.agencyId())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
                        rs.getObject(3, UUID.class), rs.getInt(4)}).list().stream()
                .map(r -> new AwaitingNotification((UUID) r[0], (LocalDate) r[1], people.get((UUID) r[2]).displayName(),
                        (Integer) r[3])).toList();
    }

    /** The caller's force's notifications, newest first. */
    @Transactional
    public List<NotificationSummary> mine() {
        Actor actor = CurrentActor.require();
        List<NotificationSummary> list = jdbc.sql(ChildrenAccess.SUMMARY + """
                 where n.agency_id = ? order by n.submitted_at desc limit 200""").param(actor.agencyId())
                .query((rs, i) -> ChildrenAccess.summary(rs)).list();
        audit.record(AuditEntry.allowed("LIST_POLICE_NOTIFICATIONS", OBJECT, null).with("results", Integer.toString(list.size())));
        return list;
    }

    /** One notification, for anyone with need to know its family (its force, the MASH, the case's agencies). */
    @Transactional
    public NotificationView get(UUID id) {
        Actor actor = CurrentActor.require();
        access.requireNotification(actor, id, "READ_POLICE_NOTIFICATION");
        NotificationView view = access.view(id);
        audit.record(AuditEntry.allowed("READ_POLICE_NOTIFICATION", OBJECT, id));
        return view;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Actor requireOfficer(String action) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("POLICE_OFFICER")) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, null, "not a police officer"));
            throw new AccessDeniedException("Only police officers send police notifications");
        }
        return actor;
    }

    /**
     * The agency of this kind the notification goes to: the one the partnership names in its settings; else, for
     * the MASH, the one the force's MARAC area names; else the only active one. With several and none named, none:
     * sending a family's details to a guessed agency is never the safe side.
     */
    Agency agencyOfType(AgencyType type, String configuredName) {
        List<Agency> candidates = agencies.list().stream().filter(a -> a.active() && a.type() == type).toList();
        if (configuredName != null && !configuredName.isBlank()) {
            return candidates.stream().filter(a -> a.name().equalsIgnoreCase(configuredName.trim())).findFirst().orElse(null);
        }
        if (type == AgencyType.MASH) {
            UUID force = CurrentActor.require().agencyId();
            List<UUID> named = jdbc.sql("select distinct mash_agency_id from marac_area where police_agency_id = ? and mash_agency_id is not null")
                    .param(force).query(UUID.class).list();
            if (named.size() == 1) {
                return candidates.stream().filter(a -> a.id().equals(named.get(0))).findFirst().orElse(null);
            }
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** R4: months since her last MARAC referral, found through her linked and likely-same records (null: never). */
    private Integer monthsSinceLastMaracReferral(UUID victimId) {
        java.util.OptionalLong months = maracReferrals.monthsSinceLastReferral(victimId);
        return months.isPresent() ? (int) Math.min(Integer.MAX_VALUE, months.getAsLong()) : null;
    }

    static Integer ageAt(LocalDate born, LocalDate on) {
        return born == null || born.isAfter(on) ? null : Period.between(born, on).getYears();
    }

    private static void text(String value, int max, String field, String label, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, label + " must be " + max + " characters or fewer"));
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
