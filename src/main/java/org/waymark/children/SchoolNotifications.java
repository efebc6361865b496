package org.waymark.children;

import java.time.Instant;
import java.time.LocalDate;
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
import org.waymark.platform.NotFoundException;
import org.waymark.tasks.Tasks;

/**
 * School notifications (WM-2.24 Operation Encompass; DDSCP SDAT). The key adult sees only what the procedure
 * says they need: that an incident happened, when, whether the child was there and what support may help;
 * never the victim's address, the account or anything else about the adults. They acknowledge receipt; an
 * unacknowledged notification is escalated to the MASH when overdue (the task's deadline).
 */
@Service
public class SchoolNotifications {

    static final String OBJECT = "SCHOOL_NOTIFICATION";
    static final String TASK = "SCHOOL_NOTIFICATION";

    /** Everything a school is told. */
    public record Notice(UUID id, String notificationReference, String childName, Integer childAge, LocalDate incidentOn,
                         String experience, String supportSuggested, String policeForce, Instant notifiedAt,
                         Instant dueAt, String status, String acknowledgedBy, Instant acknowledgedAt) {

        /** Whether the child was there (present, saw or heard), in the words a school uses. */
        public String childPresent() {
            if (experience == null) {
                return "Not known";
            }
            return switch (experience) {
                case "NOT_PRESENT" -> "No, the child was not there";
                case "SAW" -> "Yes, the child saw what happened";
                case "HEARD" -> "Yes, the child heard what happened";
                default -> "Yes, the child was there";
            };
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Tasks tasks;

    SchoolNotifications(JdbcClient jdbc, AuditTrail audit, Tasks tasks) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tasks = tasks;
    }

    private static final String SELECT = """
            select s.id, n.reference, c.display_name, c.age_years, i.occurred_on, c.experience, c.support_suggested,
                   f.name as force_name, n.submitted_at, s.due_at, s.status, u.display_name as acknowledged_by,
                   s.acknowledged_at
              from school_notification s
              join police_notification n on n.id = s.notification_id
              join notification_child c on c.id = s.child_id
              join incident i on i.id = n.incident_id
              join agency f on f.id = n.agency_id
              left join app_user u on u.id = s.acknowledged_by
            """;

    /** The caller's school's notifications: awaiting acknowledgement first, then newest. */
    @Transactional
    public List<Notice> forMySchool() {
        Actor actor = CurrentActor.require();
        List<Notice> notices = jdbc.sql(SELECT + """
                 where s.school_agency_id = ?
                 order by (s.status = 'AWAITING_ACKNOWLEDGEMENT') desc, s.due_at desc limit 200""")
                .param(actor.agencyId()).query((rs, n) -> map(rs)).list();
        audit.record(AuditEntry.allowed("LIST_SCHOOL_NOTIFICATIONS", OBJECT, null)
                .with("results", Integer.toString(notices.size())));
        return notices;
    }

    /** One notification, for the staff of the school it was sent to; it does not exist for anyone else. */
    @Transactional
    public Notice get(UUID id) {
        Actor actor = CurrentActor.require();
        Notice notice = load(id, actor, "READ_SCHOOL_NOTIFICATION");
        audit.record(AuditEntry.allowed("READ_SCHOOL_NOTIFICATION", OBJECT, id));
        return notice;
    }

    /** The key adult (or another of the school's safeguarding leads) acknowledges receipt. */
    @Transactional
    public void acknowledge(UUID id) {
        Actor actor = CurrentActor.require();
        load(id, actor, "ACKNOWLEDGE_SCHOOL_NOTIFICATION");
        UUID keyAdult = jdbc.sql("select sc.key_adult_user_id from school_notification s join school sc on sc.agency_id"
                + " = s.school_agency_id where s.id = ?").param(id).query(UUID.class).optional().orElse(null);
        if (!actor.hasRole("SAFEGUARDING_LEAD") && !actor.userId().equals(keyAdult)) {
            audit.recordIndependently(AuditEntry.refused("ACKNOWLEDGE_SCHOOL_NOTIFICATION", OBJECT, id,
                    "not the key adult or a safeguarding lead"));
            throw new AccessDeniedException("The school's key adult or designated safeguarding lead acknowledges it");
        }
        int updated = jdbc.sql("""
                update school_notification set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now()
                 where id = ? and status = 'AWAITING_ACKNOWLEDGEMENT'""").params(actor.userId(), id).update();
        if (updated == 0) {
            throw new ConflictException("This notification has already been acknowledged");
        }
        tasks.complete(TASK, OBJECT, id, "Acknowledged");
        audit.record(AuditEntry.allowed("ACKNOWLEDGE_SCHOOL_NOTIFICATION", OBJECT, id));
    }

    private Notice load(UUID id, Actor actor, String action) {
        Notice notice = jdbc.sql(SELECT + " where s.id = ? and s.school_agency_id = ?").params(id, actor.agencyId())
                .query((rs, n) -> map(rs)).optional().orElse(null);
        if (notice == null) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "not this school's notification"));
            throw new NotFoundException("School notification");
        }
        return notice;
    }

    private static Notice map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new Notice(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("display_name"),
                (Integer) rs.getObject("age_years"), rs.getDate("occurred_on").toLocalDate(), rs.getString("experience"),
                rs.getString("support_suggested"), rs.getString("force_name"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getString("status"), rs.getString("acknowledged_by"),
                acknowledged == null ? null : acknowledged.toInstant());
    }
}
