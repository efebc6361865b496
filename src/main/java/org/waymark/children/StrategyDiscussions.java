package org.waymark.children;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.ReasonCode;
import org.waymark.tasks.NewTask;
import org.waymark.tasks.Tasks;

/**
 * Strategy discussions (WM-2.24 Section 47 circumstances; DDSCP strategy discussion criteria; rules C6, C6d,
 * C10): opened with the reasons and the agencies to involve, held by children's social care, and recorded
 * with its outcome: whether a Section 47 enquiry follows, the actions and who does what.
 */
@Service
public class StrategyDiscussions {

    static final String OBJECT = "STRATEGY_DISCUSSION";
    static final String TASK = "STRATEGY_DISCUSSION";
    static final String SECTION_47_TASK = "CHILD_PROTECTION_ENQUIRY";
    /** Working Together 2023: an initial child protection conference within 15 working days of the strategy discussion. */
    static final int CONFERENCE_WITHIN_WORKING_DAYS = 15;

    public record View(UUID id, UUID notificationId, String notificationReference, UUID caseId, String ownerAgencyName,
                       List<String> reasons, List<String> rules, List<String> agenciesToInvolve, String status,
                       Instant dueAt, LocalDate heldOn, String attended, Boolean section47, String actions, String notes,
                       String recordedBy, Instant recordedAt, int version, boolean mayRecord) {
    }

    public record Outcome(LocalDate heldOn, String attended, Boolean section47, String actions, String notes,
                          Integer version) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ChildrenAccess access;
    private final Tasks tasks;
    private final WorkingCalendar calendar;
    private final Clock clock;

    StrategyDiscussions(JdbcClient jdbc, AuditTrail audit, ChildrenAccess access, Tasks tasks, WorkingCalendar calendar,
                        Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.tasks = tasks;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public View get(UUID id) {
        Actor actor = CurrentActor.require();
        UUID notificationId = notificationOf(id, actor, "READ_STRATEGY_DISCUSSION");
        View view = load(id, actor, notificationId);
        audit.record(AuditEntry.allowed("READ_STRATEGY_DISCUSSION", OBJECT, id));
        return view;
    }

    /** Children's social care records that the discussion was held and what it decided. */
    @Transactional
    public void record(UUID id, Outcome outcome) {
        Actor actor = CurrentActor.require();
        UUID notificationId = notificationOf(id, actor, "RECORD_STRATEGY_DISCUSSION");
        View view = load(id, actor, notificationId);
        if (!view.mayRecord()) {
            audit.recordIndependently(AuditEntry.refused("RECORD_STRATEGY_DISCUSSION", OBJECT, id,
                    "not the owning agency"));
            throw new AccessDeniedException("Children's social care records the strategy discussion");
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = clock.instant().atZone(WorkingCalendar.LONDON).toLocalDate();
        if (outcome.heldOn() == null) {
            errors.add(new FieldError("heldOn", "Enter the date the strategy discussion was held"));
        } else if (outcome.heldOn().isAfter(today)) {
            errors.add(new FieldError("heldOn", "The date it was held must be today or in the past"));
        }
        if (outcome.attended() == null || outcome.attended().isBlank() || outcome.attended().length() > 4000) {
            errors.add(new FieldError("attended", "Say who took part (agencies and names), in 4,000 characters or fewer"));
        }
        if (outcome.section47() == null) {
            errors.add(new FieldError("section47", "Select whether a Section 47 enquiry will be made"));
        }
        if (outcome.actions() == null || outcome.actions().isBlank() || outcome.actions().length() > 8000) {
            errors.add(new FieldError("actions", "Record the actions and who does what, in 8,000 characters or fewer"));
        }
        if (outcome.notes() != null && outcome.notes().length() > 8000) {
            errors.add(new FieldError("notes", "The notes must be 8,000 characters or fewer"));
        }
        if (outcome.version() == null) {
            errors.add(new FieldError("version", "The version you read is missing: reload the page"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int updated = jdbc.sql("""
                update strategy_discussion set status = 'HELD', held_on = ?, attended = ?, section_47 = ?, actions = ?,
                       notes = ?, recorded_by = ?, recorded_at = now(), version = version + 1
                 where id = ? and version = ? and status = 'TO_BE_HELD'""")
                .params(outcome.heldOn(), outcome.attended().trim(), outcome.section47(), outcome.actions().trim(),
                        outcome.notes() == null || outcome.notes().isBlank() ? null : outcome.notes().trim(),
                        actor.userId(), id, outcome.version()).update();
        if (updated == 0) {
            throw new ConflictException("This strategy discussion was recorded or changed by someone else. Reload the page.");
        }
        tasks.complete(TASK, OBJECT, id, outcome.section47() ? "Section 47 enquiry" : "No Section 47 enquiry");
        if (outcome.section47()) {
            Instant due = calendar.addWorkingDays(outcome.heldOn(), CONFERENCE_WITHIN_WORKING_DAYS)
                    .atTime(calendar.endOfWorkingDay()).atZone(WorkingCalendar.LONDON).toInstant();
            tasks.create(new NewTask(SECTION_47_TASK, "Section 47 enquiry and initial child protection conference ("
                    + view.notificationReference() + ")", OBJECT, id, "/strategy-discussions/" + id, view.caseId(),
                    actor.agencyId(), null, null, due, false));
        }
        audit.record(AuditEntry.allowed("RECORD_STRATEGY_DISCUSSION", OBJECT, id)
                .with("section47", outcome.section47().toString()));
    }

    private UUID notificationOf(UUID id, Actor actor, String action) {
        UUID notificationId = jdbc.sql("select notification_id from strategy_discussion where id = ?").param(id)
                .query(UUID.class).optional().orElse(null);
        if (notificationId == null || !access.maySee(actor, notificationId)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "no relationship with the family"));
            throw new NotFoundException("Strategy discussion");
        }
        return notificationId;
    }

    private View load(UUID id, Actor actor, UUID notificationId) {
        boolean breakGlass = access.breakGlassOnly(actor, notificationId);
        return jdbc.sql("""
                        select s.*, n.reference, a.name as owner_name, u.display_name as recorded_by_name,
                               array(select g.name from agency g where g.id = any(s.agencies_to_involve) order by g.name)
                                   as agency_names
                          from strategy_discussion s join police_notification n on n.id = s.notification_id
                          join agency a on a.id = s.owner_agency_id left join app_user u on u.id = s.recorded_by
                         where s.id = ?""").param(id)
                .query((rs, n) -> {
                    UUID owner = rs.getObject("owner_agency_id", UUID.class);
                    List<String> reasons = Arrays.stream((String[]) rs.getArray("reasons").getArray())
                            .map(r -> ReasonCode.valueOf(r).description()).toList();
                    Timestamp recordedAt = rs.getTimestamp("recorded_at");
                    java.sql.Date held = rs.getDate("held_on");
                    return new View(id, notificationId, rs.getString("reference"), rs.getObject("case_id", UUID.class),
                            rs.getString("owner_name"), reasons, List.of((String[]) rs.getArray("rules").getArray()),
                            List.of((String[]) rs.getArray("agency_names").getArray()), rs.getString("status"),
                            rs.getTimestamp("due_at").toInstant(), held == null ? null : held.toLocalDate(),
                            rs.getString("attended"), (Boolean) rs.getObject("section_47"), rs.getString("actions"),
                            rs.getString("notes"), rs.getString("recorded_by_name"),
                            recordedAt == null ? null : recordedAt.toInstant(), rs.getInt("version"),
                            owner.equals(actor.agencyId()) && !breakGlass && !actor.hasRole("ADMIN"));
                }).single();
    }
}
