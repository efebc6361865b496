package org.waymark.governance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.cases.Cases;
import org.waymark.incidents.Incidents;
import org.waymark.people.People;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/**
 * Retention (issue 7 §5). The scheduled review lists records whose retention period has ended into the review
 * queue and changes nothing else. A safeguarding lead (for their agency's records) or an administrator (for any)
 * decides each: anonymise, or keep for a stated reason until the next review. Only after that recorded decision
 * is a record anonymised, and its queue row stays as the stub of what, when, by whom and under which rule. The
 * audit trail is never deleted or changed.
 */
@Service
public class Retention {

    static final String OBJECT = "RETENTION_REVIEW";
    public static final List<String> DECISIONS = List.of("ANONYMISE", "KEEP");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RetentionSchedule schedule;
    private final Cases cases;
    private final Incidents incidents;
    private final People people;
    private final Clock clock;

    Retention(JdbcClient jdbc, AuditTrail audit, RetentionSchedule schedule, Cases cases, Incidents incidents,
              People people, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.schedule = schedule;
        this.cases = cases;
        this.incidents = incidents;
        this.people = people;
        this.clock = clock;
    }

    public RetentionSchedule schedule() {
        return schedule;
    }

    /**
     * Lists every record due for review on {@code asOf} that is not already listed, anonymised, or kept until
     * a later date. Called by the scheduled job with today's date; it only adds rows to the queue.
     *
     * @return how many records were newly listed
     */
    @Transactional
    public int listDue(LocalDate asOf) {
        int listed = 0;
        // Closed cases: closure is at least the configured period ago; children may make the period longer.
        LocalDate closedBy = asOf.minus(schedule.closedCase());
        for (UUID caseId : jdbc.sql("""
                        select c.id from dva_case c
                         where c.status = 'CLOSED' and (c.closed_at at time zone 'Europe/London')::date <= ?
                           and not exists (select 1 from retention_review r where r.record_type = 'CASE' and r.record_id = c.id
                                            and (r.status in ('DUE', 'ANONYMISED') or r.keep_until >= ?))
                         order by c.closed_at""").params(Date.valueOf(closedBy), Date.valueOf(asOf))
                .query(UUID.class).list()) {
            LocalDate closedOn = jdbc.sql("select (closed_at at time zone 'Europe/London')::date from dva_case where id = ?")
                    .param(caseId).query(LocalDate.class).single();
            List<LocalDate> born = new ArrayList<>();
            boolean childWithoutBirthDate = false;
            for (var child : jdbc.sql("""
                    select p.date_of_birth from case_person cp join person p on p.id = cp.person_id
                     where cp.case_id = ? and cp.role = 'CHILD'""").param(caseId).query().listOfRows()) {
                Object dob = child.get("date_of_birth");
                if (dob == null) {
                    childWithoutBirthDate = true;
                } else {
                    born.add(((Date) dob).toLocalDate());
                }
            }
            RetentionSchedule.Due due = schedule.closedCase(closedOn, born, childWithoutBirthDate);
            if (!due.dueOn().isAfter(asOf)) {
                listed += list("CASE", caseId, due);
            }
        }
        // Person records never part of a case, unchanged for at least the configured period.
        LocalDate changedBy = asOf.minus(schedule.personWithoutCase());
        for (var row : jdbc.sql("""
                        select p.id, (p.updated_at at time zone 'Europe/London')::date as changed, p.date_of_birth from person p
                         where (p.updated_at at time zone 'Europe/London')::date <= ?
                           and not exists (select 1 from case_person cp where cp.person_id = p.id)
                           and not exists (select 1 from retention_review r where r.record_type = 'PERSON' and r.record_id = p.id
                                            and (r.status in ('DUE', 'ANONYMISED') or r.keep_until >= ?))
                         order by p.updated_at""").params(Date.valueOf(changedBy), Date.valueOf(asOf))
                .query().listOfRows()) {
            Date dob = (Date) row.get("date_of_birth");
            RetentionSchedule.Due due = schedule.personWithoutCase(((Date) row.get("changed")).toLocalDate(),
                    Optional.ofNullable(dob).map(Date::toLocalDate));
            if (!due.dueOn().isAfter(asOf)) {
                listed += list("PERSON", (UUID) row.get("id"), due);
            }
        }
        return listed;
    }

    private int list(String type, UUID id, RetentionSchedule.Due due) {
        UUID reviewId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into retention_review (id, record_type, record_id, rule, due_on) values (?, ?, ?, ?, ?)
                on conflict do nothing""").params(reviewId, type, id, due.rule(), Date.valueOf(due.dueOn())).update();
        if (inserted > 0) {
            audit.record(AuditEntry.allowed("LIST_FOR_RETENTION_REVIEW", OBJECT, reviewId).with("recordType", type)
                    .with("recordId", id.toString()).with("rule", due.rule()));
        }
        return inserted;
    }

    /** The review queue the caller may decide: due first, then the latest decisions. */
    @Transactional
    public List<RetentionReview> queue() {
        Actor actor = requireApprover("READ_RETENTION_QUEUE", null);
        List<RetentionReview> queue = jdbc.sql(SELECT + """
                 where (:admin or coalesce(c.lead_agency_id, p.recorded_by_agency_id) = :agency)
                 order by (r.status = 'DUE') desc, r.due_on, r.decided_at desc nulls last limit 500""")
                .param("admin", actor.hasRole("ADMIN")).param("agency", actor.agencyId()).query(this::map).list();
        audit.record(AuditEntry.allowed("READ_RETENTION_QUEUE", OBJECT, null).with("results", Integer.toString(queue.size())));
        return queue;
    }

    @Transactional
    public RetentionReview get(UUID id) {
        Actor actor = requireApprover("READ_RETENTION_REVIEW", id);
        RetentionReview review = load(id, actor, "READ_RETENTION_REVIEW");
        audit.record(AuditEntry.allowed("READ_RETENTION_REVIEW", OBJECT, id));
        return review;
    }

    /**
     * Records the decision on a due record and carries it out: ANONYMISE anonymises it (a case with its incidents
     * and the people on no other case still held), KEEP defers its next review. A rationale is required; a record
     * already decided (by someone else meanwhile) answers a conflict and nothing changes.
     */
    @Transactional
    public RetentionReview decide(UUID id, String decision, String rationale) {
        Actor actor = requireApprover("DECIDE_RETENTION", id);
        RetentionReview review = load(id, actor, "DECIDE_RETENTION");
        List<FieldError> errors = new ArrayList<>();
        if (decision == null || !DECISIONS.contains(decision)) {
            errors.add(new FieldError("decision", "Select whether to anonymise the record or keep it"));
        }
        if (rationale == null || rationale.isBlank() || rationale.trim().length() > 4000) {
            errors.add(new FieldError("rationale", "Give the reason for your decision, in 4,000 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (!review.status().equals("DUE")) {
            throw new ConflictException("This record has already been decided. Nothing was changed.");
        }
        LocalDate today = LocalDate.now(clock);
        // Counted from when it fell due, or today if later: a review decided late is not asked again at once.
        LocalDate from = review.dueOn().isAfter(today) ? review.dueOn() : today;
        LocalDate keepUntil = decision.equals("KEEP") ? from.plus(schedule.keepFor()) : null;
        int updated = jdbc.sql("""
                update retention_review set status = ?, decided_by = ?, decided_at = now(), rationale = ?, keep_until = ?,
                       version = version + 1
                 where id = ? and status = 'DUE' and version = ?""")
                .params(decision.equals("KEEP") ? "KEPT" : "ANONYMISED", actor.userId(), rationale.trim(),
                        keepUntil == null ? null : Date.valueOf(keepUntil), id, review.version()).update();
        if (updated == 0) {
            throw new ConflictException("This record has just been decided by someone else. Nothing was changed.");
        }
        AuditEntry entry = AuditEntry.allowed(decision.equals("KEEP") ? "RETENTION_KEEP" : "RETENTION_ANONYMISE", OBJECT, id)
                .with("recordType", review.recordType()).with("recordId", review.recordId().toString())
                .with("rule", review.rule());
        if (decision.equals("ANONYMISE")) {
            entry = anonymise(review, entry);
        }
        audit.record(entry);
        return load(id, actor, "DECIDE_RETENTION");
    }

    /** Anonymises what the approval covers, in the approval's transaction: all of it, or none of it. */
    private AuditEntry anonymise(RetentionReview review, AuditEntry entry) {
        if (review.recordType().equals("PERSON")) {
            boolean onACase = jdbc.sql("select exists (select 1 from case_person where person_id = ?)")
                    .param(review.recordId()).query(Boolean.class).single();
            if (onACase) {
                throw new ConflictException("This person is now part of a case and is kept with it. Nothing was changed.");
            }
            people.anonymise(review.recordId());
            return entry.with("people", "1");
        }
        UUID caseId = review.recordId();
        boolean closed = jdbc.sql("select status = 'CLOSED' from dva_case where id = ?").param(caseId)
                .query(Boolean.class).optional().orElse(false);
        if (!closed) {
            throw new ConflictException("This case has been reopened and is kept. Nothing was changed.");
        }
        // Incidents and people also held through another case stay until that case is anonymised too.
        String heldElsewhere = """
                exists (select 1 from %s other join dva_case oc on oc.id = other.case_id
                         where other.%s = x.%s and other.case_id <> :case
                           and not exists (select 1 from retention_review r where r.record_type = 'CASE'
                                            and r.record_id = oc.id and r.status = 'ANONYMISED'))""";
        List<UUID> caseIncidents = jdbc.sql("select x.incident_id from case_incident x where x.case_id = :case and not "
                        + heldElsewhere.formatted("case_incident", "incident_id", "incident_id"))
                .param("case", caseId).query(UUID.class).list();
        List<UUID> casePeople = jdbc.sql("select distinct x.person_id from case_person x where x.case_id = :case and not "
                        + heldElsewhere.formatted("case_person", "person_id", "person_id"))
                .param("case", caseId).query(UUID.class).list();
        long kept = jdbc.sql("select count(distinct person_id) from case_person where case_id = ?").param(caseId)
                .query(Long.class).single() - casePeople.size();
        cases.anonymise(caseId);
        casePeople.forEach(people::anonymise);
        caseIncidents.forEach(incidents::anonymise);
        return entry.with("people", Integer.toString(casePeople.size())).with("peopleKeptWithAnotherCase", Long.toString(kept))
                .with("incidents", Integer.toString(caseIncidents.size()));
    }

    private Actor requireApprover(String action, UUID id) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN") && !actor.hasRole("SAFEGUARDING_LEAD")) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "not a safeguarding lead or administrator"));
            throw new AccessDeniedException("Retention decisions are for safeguarding leads and administrators");
        }
        return actor;
    }

    /** A safeguarding lead sees only their agency's records in the queue; anything else does not exist for them. */
    private RetentionReview load(UUID id, Actor actor, String action) {
        Optional<RetentionReview> review = id == null ? Optional.empty() : jdbc.sql(SELECT + """
                 where r.id = :id and (:admin or coalesce(c.lead_agency_id, p.recorded_by_agency_id) = :agency)""")
                .param("id", id).param("admin", actor.hasRole("ADMIN")).param("agency", actor.agencyId())
                .query(this::map).optional();
        if (review.isEmpty()) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "no such review for this user"));
            throw new NotFoundException("Retention review");
        }
        return review.get();
    }

    private static final String SELECT = """
            select r.*, c.reference, coalesce(ca.name, pa.name) as agency_name, u.display_name as decided_by_name
              from retention_review r
              left join dva_case c on r.record_type = 'CASE' and c.id = r.record_id
              left join agency ca on ca.id = c.lead_agency_id
              left join person p on r.record_type = 'PERSON' and p.id = r.record_id
              left join agency pa on pa.id = p.recorded_by_agency_id
              left join app_user u on u.id = r.decided_by
            """;

    private RetentionReview map(ResultSet rs, int row) throws SQLException {
        Date keepUntil = rs.getDate("keep_until");
        java.sql.Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new RetentionReview(rs.getObject("id", UUID.class), rs.getString("record_type"),
                rs.getObject("record_id", UUID.class), rs.getString("reference"), rs.getString("agency_name"),
                rs.getString("rule"), schedule.describe(rs.getString("rule")), rs.getDate("due_on").toLocalDate(),
                rs.getTimestamp("listed_at").toInstant(), rs.getString("status"), rs.getString("decided_by_name"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("rationale"),
                keepUntil == null ? null : keepUntil.toLocalDate(), rs.getInt("version"));
    }

}
