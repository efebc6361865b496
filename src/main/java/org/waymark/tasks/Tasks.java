package org.waymark.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.NotFoundException;

/**
 * The tasks module's API. Pathways create tasks inside their own transactions (the deadline is scheduled
 * in the same transaction, so a rolled-back referral leaves no orphan deadline) and complete them when the
 * work is done. Each deadline fires once; an open task is then escalated once.
 */
@Service
public class Tasks {

    static final String OBJECT = "TASK";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> deadline;
    private final Clock clock;

    Tasks(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, ObjectProvider<SchedulerClient> scheduler,
          OneTimeTask<Void> taskDeadline, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.scheduler = scheduler;
        this.deadline = taskDeadline;
        this.clock = clock;
    }

    /** Creates a task and schedules its deadline, in the caller's transaction. */
    @Transactional
    public UUID create(NewTask task) {
        UUID id = UUID.randomUUID();
        UUID createdBy = CurrentActor.find().map(Actor::userId).orElse(null);
        jdbc.sql("""
                insert into task (id, kind, title, subject_type, subject_id, href, case_id, owner_agency_id, owner_user_id,
                                  escalate_to_agency_id, due_at, urgent, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, task.kind(), task.title(), task.subjectType(), task.subjectId(), task.href(), task.caseId(),
                        task.ownerAgencyId(), task.ownerUserId(), task.escalateToAgencyId(), Timestamp.from(task.dueAt()),
                        task.urgent(), createdBy).update();
        scheduler.getObject().schedule(deadline.instance(id.toString()), task.dueAt());
        audit.record(AuditEntry.allowed("CREATE_TASK", OBJECT, id).with("kind", task.kind())
                .with("due", task.dueAt().toString()));
        return id;
    }

    /** Marks open tasks of this kind about this subject done (the pathway's work was recorded). */
    @Transactional
    public int complete(String kind, String subjectType, UUID subjectId, String outcome) {
        UUID by = CurrentActor.find().map(Actor::userId).orElse(null);
        List<UUID> ids = jdbc.sql("""
                update task set status = 'DONE', completed_at = now(), completed_by = ?, outcome = ?, version = version + 1
                 where kind = ? and subject_type = ? and subject_id = ? and status = 'OPEN' returning id""")
                .params(by, outcome, kind, subjectType, subjectId).query(UUID.class).list();
        ids.forEach(id -> audit.record(AuditEntry.allowed("COMPLETE_TASK", OBJECT, id).with("kind", kind)));
        return ids.size();
    }

    /** Cancels open tasks about a subject (e.g. a withdrawn referral), with the reason. */
    @Transactional
    public int cancel(String subjectType, UUID subjectId, String reason) {
        UUID by = CurrentActor.find().map(Actor::userId).orElse(null);
        List<UUID> ids = jdbc.sql("""
                update task set status = 'CANCELLED', completed_at = now(), completed_by = ?, outcome = ?, version = version + 1
                 where subject_type = ? and subject_id = ? and status = 'OPEN' returning id""")
                .params(by, reason, subjectType, subjectId).query(UUID.class).list();
        ids.forEach(id -> audit.record(AuditEntry.allowed("CANCEL_TASK", OBJECT, id)));
        return ids.size();
    }

    /**
     * The caller's work: tasks assigned to them, their agency's unassigned tasks, tasks escalated to their
     * agency, and, for safeguarding leads (managers), every overdue task of their agency. Most urgent first.
     */
    @Transactional(readOnly = true)
    public List<WorkTask> mine() {
        Actor actor = CurrentActor.require();
        boolean manager = actor.hasRole("SAFEGUARDING_LEAD");
        return jdbc.sql(SELECT + """
                 where t.status = 'OPEN' and (t.owner_user_id = :user
                    or (t.owner_agency_id = :agency and t.owner_user_id is null)
                    or (t.escalate_to_agency_id = :agency and t.escalated_at is not null)
                    or (:manager and t.owner_agency_id = :agency and t.due_at < now()))
                 order by (t.due_at < now()) desc, t.urgent desc, t.due_at limit 500""")
                .param("user", actor.userId()).param("agency", actor.agencyId()).param("manager", manager)
                .query((rs, n) -> map(rs)).list();
    }

    /** Tasks about one subject, for the subject's page (the caller has already been allowed to see it). */
    @Transactional(readOnly = true)
    public List<WorkTask> about(String subjectType, UUID subjectId) {
        return jdbc.sql(SELECT + " where t.subject_type = ? and t.subject_id = ? order by t.created_at")
                .params(subjectType, subjectId).query((rs, n) -> map(rs)).list();
    }

    /** How many tasks on a case are still open (a case is not closed with work outstanding). */
    @Transactional(readOnly = true)
    public long openOnCase(UUID caseId) {
        return jdbc.sql("select count(*) from task where case_id = ? and status = 'OPEN'").param(caseId)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<WorkTask> find(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    /** Called by the deadline: escalates an open task once. Returns whether it escalated. */
    @Transactional
    public boolean escalateIfOpen(UUID id) {
        WorkTask task = find(id).orElse(null);
        if (task == null) {
            return false;
        }
        int updated = jdbc.sql("""
                update task set escalated_at = now(), version = version + 1
                 where id = ? and status = 'OPEN' and escalated_at is null""").param(id).update();
        if (updated == 0) {
            return false;
        }
        UUID escalateTo = jdbc.sql("select escalate_to_agency_id from task where id = ?").param(id)
                .query(UUID.class).optional().orElse(null);
        jdbc.sql("insert into task_escalation (task_id, escalated_to_agency_id, reason) values (?, ?, ?)")
                .params(id, escalateTo, "Not done by " + task.dueAt()).update();
        audit.record(AuditEntry.allowed("ESCALATE_OVERDUE_TASK", OBJECT, id).with("kind", task.kind()));
        events.publishEvent(new TaskOverdue(id, task.kind(), task.title(), task.caseId(), task.ownerAgencyId(),
                task.ownerUserId(), escalateTo, task.href()));
        return true;
    }

    private static final String SELECT = """
            select t.*, a.name as owner_agency_name, u.display_name as owner_user_name from task t
              join agency a on a.id = t.owner_agency_id left join app_user u on u.id = t.owner_user_id
            """;

    private WorkTask map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Timestamp escalated = rs.getTimestamp("escalated_at");
        Timestamp completed = rs.getTimestamp("completed_at");
        String status = rs.getString("status");
        return new WorkTask(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
                rs.getString("subject_type"), rs.getObject("subject_id", UUID.class), rs.getString("href"),
                rs.getObject("case_id", UUID.class), rs.getObject("owner_agency_id", UUID.class),
                rs.getString("owner_agency_name"), rs.getObject("owner_user_id", UUID.class),
                rs.getString("owner_user_name"), due, rs.getBoolean("urgent"), status,
                escalated == null ? null : escalated.toInstant(),
                status.equals("OPEN") && due.isBefore(Instant.now(clock)),
                completed == null ? null : completed.toInstant(), rs.getString("outcome"));
    }

    /** Whether the caller may see this task (their own, their agency's, or escalated to their agency). */
    @Transactional(readOnly = true)
    public WorkTask get(UUID id) {
        Actor actor = CurrentActor.require();
        WorkTask task = find(id).orElseThrow(() -> new NotFoundException("Task"));
        boolean escalatedToMine = jdbc.sql("select count(*) > 0 from task where id = ? and escalate_to_agency_id = ? and escalated_at is not null")
                .params(id, actor.agencyId()).query(Boolean.class).single();
        if (!task.ownerAgencyId().equals(actor.agencyId()) && !escalatedToMine) {
            audit.recordIndependently(AuditEntry.refused("READ_TASK", OBJECT, id, "another agency's task"));
            throw new NotFoundException("Task");
        }
        return task;
    }
}
