package org.waymark.children;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.ActionCode;
import org.waymark.risk.Evaluation;
import org.waymark.risk.RecommendedAction;
import org.waymark.tasks.NewTask;
import org.waymark.tasks.Tasks;

import tools.jackson.databind.json.JsonMapper;

/**
 * MASH triage (SOL domestic abuse triage; decision-rules D4): the queue of police notifications by due time and
 * risk, the panel's information from each agency, and the threshold decision with the lead agency (preferably
 * one already working with the family) and its rationale. Information and advice only is refused unless rule
 * C4 permits it; a response lower than the rules recommend needs its own recorded reason.
 */
@Service
public class MashTriage {

    static final String TASK = "MASH_TRIAGE";
    static final String INFORMATION_TASK = "TRIAGE_INFORMATION";
    static final String INFORMATION_REQUEST = "TRIAGE_INFORMATION_REQUEST";
    static final String ASSESSMENT_TASK = "CHILD_AND_FAMILY_ASSESSMENT";

    /** A threshold decision as the MASH officer (or the family's social worker) records it. */
    public record Decision(String outcome, UUID leadAgencyId, String rationale, String lowerOutcomeRationale,
                           Integer version) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ChildrenAccess access;
    private final Cases cases;
    private final Agencies agencies;
    private final Tasks tasks;
    private final PoliceNotifications notifications;
    private final WorkingCalendar calendar;
    private final ChildrenSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    MashTriage(JdbcClient jdbc, AuditTrail audit, ChildrenAccess access, Cases cases, Agencies agencies, Tasks tasks,
               PoliceNotifications notifications, WorkingCalendar calendar, ChildrenSettings settings, JsonMapper json,
               Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.cases = cases;
        this.agencies = agencies;
        this.tasks = tasks;
        this.notifications = notifications;
        this.calendar = calendar;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Notifications awaiting a decision that were shared with the caller's MASH: urgent first, then by due time and risk. */
    @Transactional
    public List<NotificationSummary> queue() {
        Actor actor = requireMashOfficer("LIST_TRIAGE", null);
        List<NotificationSummary> queue = jdbc.sql(ChildrenAccess.SUMMARY + """
                         where t.status = 'AWAITING_DECISION'
                           and exists (select 1 from case_agency ca where ca.case_id = n.case_id and ca.agency_id = ?
                                         and ca.ended_at is null)
                         order by t.urgent desc, t.due_at,
                                  case n.risk_level when 'HIGH' then 0 when 'MEDIUM' then 1 when 'STANDARD' then 2 else 3 end
                         limit 500""").param(actor.agencyId())
                .query((rs, i) -> ChildrenAccess.summary(rs)).list();
        audit.record(AuditEntry.allowed("LIST_TRIAGE", PoliceNotifications.OBJECT, null)
                .with("results", Integer.toString(queue.size())));
        return queue;
    }

    /** Asks an agency what it holds on the family, for the panel: a recorded share and a task due before the panel. */
    @Transactional
    public void requestInformation(UUID notificationId, UUID agencyId) {
        Actor actor = requireMashOfficer("REQUEST_TRIAGE_INFORMATION", notificationId);
        Agency agency = agencyId == null ? null : agencies.find(agencyId).filter(Agency::active).orElse(null);
        if (agency == null) {
            throw new InvalidRequestException(List.of(new FieldError("agencyId", "Select the agency")));
        }
        if (agency.id().equals(actor.agencyId())) {
            throw new InvalidRequestException(List.of(new FieldError("agencyId", "Select another agency than your own")));
        }
        if (agency.type() == AgencyType.PERPETRATOR_PROGRAMME || agency.type() == AgencyType.PROBATION) {
            throw new InvalidRequestException(List.of(new FieldError("agencyId", "The children's details are not shared"
                    + " with an agency working with the person causing harm: ask it directly about that person")));
        }
        NotificationView.Triage triage = access.triage(notificationId);
        if (!"AWAITING_DECISION".equals(triage.status())) {
            throw new ConflictException("This notification has been decided already");
        }
        UUID request = informationRequestId(notificationId, agency.id());
        if (jdbc.sql("select count(*) > 0 from task where subject_type = ? and subject_id = ? and status = 'OPEN'")
                .params(INFORMATION_REQUEST, request).query(Boolean.class).single()) {
            throw new InvalidRequestException(List.of(new FieldError("agencyId", agency.name() + " has been asked already")));
        }
        String reference = reference(notificationId);
        cases.decideSharing(caseOf(notificationId), new SharingRequest("SHARE", agency.id(), null,
                "Police notification " + reference + " for the multi-agency triage panel: the children and the incident",
                "NOT_SOUGHT", "PUBLIC_TASK", "The triage panel shares information to agree a proportionate response"
                        + " for the children (SOL domestic abuse triage)", "RESEARCH_REQUEST",
                agency.type() == AgencyType.EDUCATION || agency.type() == AgencyType.HEALTH_VISITING ? "CHILDREN"
                        : "WHOLE_FAMILY"));
        tasks.create(new NewTask(INFORMATION_TASK, "Tell the MASH triage panel what you hold on the family (" + reference + ")",
                INFORMATION_REQUEST, request, "/mash/triage/" + notificationId, caseOf(notificationId), agency.id(), null,
                actor.agencyId(), triage.dueAt(), triage.urgent()));
        audit.record(AuditEntry.allowed("REQUEST_TRIAGE_INFORMATION", PoliceNotifications.OBJECT, notificationId)
                .with("agency", agency.id().toString()));
    }

    /** An agency's representative records what their agency holds on the family. */
    @Transactional
    public void recordInformation(UUID notificationId, String information) {
        Actor actor = CurrentActor.require();
        access.requireNotification(actor, notificationId, "RECORD_TRIAGE_INFORMATION");
        if (access.breakGlassOnly(actor, notificationId)) {
            audit.recordIndependently(AuditEntry.refused("RECORD_TRIAGE_INFORMATION", PoliceNotifications.OBJECT,
                    notificationId, "break-glass access reads only"));
            throw new AccessDeniedException("Break-glass access lets you read, not add to, the record");
        }
        String text = information == null ? null : information.trim();
        if (text == null || text.isEmpty() || text.length() > 8000) {
            throw new InvalidRequestException(List.of(new FieldError("information",
                    "Enter what your agency holds on the family, in 8,000 characters or fewer")));
        }
        jdbc.sql("insert into triage_agency_information (id, notification_id, agency_id, entered_by, information) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), notificationId, actor.agencyId(), actor.userId(), text).update();
        tasks.complete(INFORMATION_TASK, INFORMATION_REQUEST, informationRequestId(notificationId, actor.agencyId()),
                "Information given");
        audit.record(AuditEntry.allowed("RECORD_TRIAGE_INFORMATION", PoliceNotifications.OBJECT, notificationId));
    }

    /** Records the threshold decision and the lead agency, and starts the work the decision means. */
    @Transactional
    public void decide(UUID notificationId, Decision decision) {
        Actor actor = CurrentActor.require();
        access.requireNotification(actor, notificationId, "DECIDE_TRIAGE");
        NotificationView.Triage triage = access.triage(notificationId);
        UUID caseworker = jdbc.sql("select caseworker_user_id from mash_triage where notification_id = ?")
                .param(notificationId).query(UUID.class).optional().orElse(null);
        boolean mashOfficer = actor.hasRole("MASH_OFFICER");
        boolean theCaseworker = actor.userId().equals(caseworker);
        if ((!mashOfficer && !theCaseworker) || access.breakGlassOnly(actor, notificationId)) {
            audit.recordIndependently(AuditEntry.refused("DECIDE_TRIAGE", PoliceNotifications.OBJECT, notificationId,
                    "not a MASH officer or the family's social worker"));
            throw new AccessDeniedException("A MASH officer or the family's allocated social worker decides the response");
        }
        List<FieldError> errors = new ArrayList<>();
        ThresholdOutcome outcome = null;
        if (decision.outcome() != null) {
            try {
                outcome = ThresholdOutcome.valueOf(decision.outcome());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "Select the threshold decision from the list"));
            }
        }
        Evaluation evaluation = json.readValue(jdbc.sql("select evaluation from police_notification where id = ?")
                .param(notificationId).query(String.class).single(), Evaluation.class);
        Thresholds.Recommendation recommendation = Thresholds.recommend(evaluation);
        if (errors.isEmpty()) {
            Thresholds.check(outcome, recommendation, decision.lowerOutcomeRationale())
                    .forEach(p -> errors.add(new FieldError(p.field(), p.message())));
        }
        Agency lead = decision.leadAgencyId() == null ? null
                : agencies.find(decision.leadAgencyId()).filter(Agency::active).orElse(null);
        if (lead == null) {
            errors.add(new FieldError("leadAgencyId", "Select the lead agency"));
        } else if (lead.type() == AgencyType.PERPETRATOR_PROGRAMME || lead.type() == AgencyType.PROBATION) {
            errors.add(new FieldError("leadAgencyId", "The lead agency for the children cannot be one working with the"
                    + " person causing harm"));
        }
        String rationale = decision.rationale() == null ? null : decision.rationale().trim();
        if (rationale == null || rationale.isEmpty() || rationale.length() > 4000) {
            errors.add(new FieldError("rationale", "Give the reasons for the decision and the lead agency, in 4,000"
                    + " characters or fewer"));
        }
        String lower = decision.lowerOutcomeRationale() == null || decision.lowerOutcomeRationale().isBlank() ? null
                : decision.lowerOutcomeRationale().trim();
        if (lower != null && lower.length() > 4000) {
            errors.add(new FieldError("lowerOutcomeRationale", "The reason for a lower response must be 4,000 characters"
                    + " or fewer"));
        }
        if (decision.version() == null) {
            errors.add(new FieldError("version", "The version of the triage you read is missing: reload the page"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (!"AWAITING_DECISION".equals(triage.status())) {
            throw new ConflictException("This notification has been decided already. Reload the page to see the decision.");
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update mash_triage set status = 'DECIDED', outcome = ?, lead_agency_id = ?, rationale = ?,
                       lower_outcome_rationale = ?, decided_by = ?, decided_at = ?, version = version + 1
                 where notification_id = ? and version = ? and status = 'AWAITING_DECISION'""")
                .params(outcome.name(), lead.id(), rationale, outcome.lowerThan(recommendation.outcome()) ? lower : null,
                        actor.userId(), Timestamp.from(now), notificationId, decision.version()).update();
        if (updated == 0) {
            throw new ConflictException("Someone else changed this triage. Reload the page and check before deciding.");
        }
        tasks.complete(TASK, PoliceNotifications.OBJECT, notificationId, outcome.label());
        for (UUID open : jdbc.sql("""
                        select distinct subject_id from task where kind = ? and subject_type = ? and status = 'OPEN'
                           and href = ?""").params(INFORMATION_TASK, INFORMATION_REQUEST, "/mash/triage/" + notificationId)
                .query(UUID.class).list()) {
            tasks.cancel(INFORMATION_REQUEST, open, "The triage was decided");
        }
        UUID caseId = caseOf(notificationId);
        String reference = reference(notificationId);
        boolean leadInvolved = jdbc.sql("""
                select count(*) > 0 from case_agency where case_id = ? and agency_id = ? and ended_at is null""")
                .params(caseId, lead.id()).query(Boolean.class).single();
        if (!leadInvolved && !lead.id().equals(actor.agencyId())) {
            cases.decideSharing(caseId, new SharingRequest("SHARE", lead.id(), null,
                    "Police notification " + reference + " and the triage decision: " + outcome.label(), "NOT_SOUGHT",
                    "PUBLIC_TASK", "Named lead agency for the children after triage (SOL domestic abuse triage)",
                    "REFERRED", "CHILDREN"));
        }
        if (outcome == ThresholdOutcome.STRATEGY_DISCUSSION) {
            RecommendedAction action = evaluation.action(ActionCode.STRATEGY_DISCUSSION).orElse(new RecommendedAction(
                    ActionCode.STRATEGY_DISCUSSION, List.of(), List.of("TRIAGE"), "MASH triage decision", null));
            notifications.strategyDiscussionFor(notificationId, reference, caseId, action, now);
        } else if (outcome == ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT) {
            LocalDate today = now.atZone(WorkingCalendar.LONDON).toLocalDate();
            Instant due = calendar.addWorkingDays(today, settings.assessmentWithinWorkingDays())
                    .atTime(calendar.endOfWorkingDay()).atZone(WorkingCalendar.LONDON).toInstant();
            tasks.create(new NewTask(ASSESSMENT_TASK, "Child and family assessment after police notification " + reference,
                    PoliceNotifications.OBJECT, notificationId, "/children/notifications/" + notificationId, caseId,
                    lead.id(), null, null, due, false));
        }
        audit.record(AuditEntry.allowed("DECIDE_TRIAGE", PoliceNotifications.OBJECT, notificationId)
                .with("outcome", outcome.name()).with("recommended", recommendation.outcome().name())
                .with("lead", lead.id().toString()));
    }

    private Actor requireMashOfficer(String action, UUID notificationId) {
        Actor actor = CurrentActor.require();
        // The family first: someone with no tie to it is told it does not exist, whatever their role.
        if (notificationId != null) {
            access.requireNotification(actor, notificationId, action);
        }
        if (!actor.hasRole("MASH_OFFICER")) {
            audit.recordIndependently(AuditEntry.refused(action, PoliceNotifications.OBJECT, notificationId,
                    "not a MASH officer"));
            throw new AccessDeniedException("Only MASH officers triage police notifications");
        }
        return actor;
    }

    private UUID caseOf(UUID notificationId) {
        return jdbc.sql("select case_id from police_notification where id = ?").param(notificationId).query(UUID.class).single();
    }

    private String reference(UUID notificationId) {
        return jdbc.sql("select reference from police_notification where id = ?").param(notificationId)
                .query(String.class).single();
    }

    /** One request per agency per notification, so the agency's answer completes exactly its own task. */
    static UUID informationRequestId(UUID notificationId, UUID agencyId) {
        return UUID.nameUUIDFromBytes((notificationId + "/" + agencyId).getBytes(StandardCharsets.UTF_8));
    }
}
