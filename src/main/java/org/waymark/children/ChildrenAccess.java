package org.waymark.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.NotFoundException;
import org.waymark.risk.Evaluation;
import org.waymark.risk.ReasonCode;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see a police notification, and how it is read. A notification is about a family: it is shown to
 * whoever may see the victim's record (the force that sent it, the MASH and the other agencies the case was
 * shared with, allocated workers), never to anyone working with the person causing harm. Anyone else is
 * told it does not exist, and the attempt is audited.
 */
@Component
class ChildrenAccess {

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;
    private final AuditTrail audit;
    private final JsonMapper json;

    ChildrenAccess(JdbcClient jdbc, NeedToKnow needToKnow, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.json = json;
    }

    boolean maySee(Actor actor, UUID notificationId) {
        UUID victim = jdbc.sql("select victim_person_id from police_notification where id = ?").param(notificationId)
                .query(UUID.class).optional().orElse(null);
        if (victim == null) {
            return false;
        }
        NeedToKnow.PersonAccess access = needToKnow.person(actor, victim);
        return access.visible() && !access.perpetratorSide() && !needToKnow.perpetratorSide(actor, List.of(victim));
    }

    void requireNotification(Actor actor, UUID notificationId, String action) {
        if (!maySee(actor, notificationId)) {
            audit.recordIndependently(AuditEntry.refused(action, PoliceNotifications.OBJECT, notificationId,
                    "no relationship with the family"));
            throw new NotFoundException("Police notification");
        }
    }

    /** Whether the actor's tie to the family is a break-glass grant only (read, never act). */
    boolean breakGlassOnly(Actor actor, UUID notificationId) {
        UUID victim = jdbc.sql("select victim_person_id from police_notification where id = ?").param(notificationId)
                .query(UUID.class).single();
        return "BREAK_GLASS".equals(needToKnow.person(actor, victim).basis());
    }

    static final String SUMMARY = """
            select n.id, n.reference, n.submitted_at, a.name as agency_name, i.occurred_on, n.risk_level,
                   (select count(*) from notification_child c where c.notification_id = n.id) as children,
                   t.route, t.status as triage_status, t.due_at as triage_due, t.urgent, t.outcome, t.recommended_outcome
              from police_notification n
              join agency a on a.id = n.agency_id
              join incident i on i.id = n.incident_id
              join mash_triage t on t.notification_id = n.id
            """;

    static NotificationSummary summary(ResultSet rs) throws SQLException {
        return new NotificationSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("agency_name"),
                rs.getDate("occurred_on").toLocalDate(), rs.getString("risk_level"), rs.getInt("children"),
                TriageRules.Route.valueOf(rs.getString("route")), rs.getString("triage_status"),
                rs.getTimestamp("triage_due").toInstant(), rs.getBoolean("urgent"),
                rs.getString("outcome") == null ? null : ThresholdOutcome.valueOf(rs.getString("outcome")),
                ThresholdOutcome.valueOf(rs.getString("recommended_outcome")));
    }

    /** The whole notification (the caller has been allowed to see it). */
    NotificationView view(UUID id) {
        Evaluation evaluation = json.readValue(jdbc.sql("select evaluation from police_notification where id = ?")
                .param(id).query(String.class).single(), Evaluation.class);
        List<NotificationView.Action> actions = evaluation.actions().stream().map(a -> new NotificationView.Action(
                a.code().name(), a.code().description(), a.reasons().stream().map(ReasonCode::description).toList(),
                a.rules(), a.source(), a.childIndex())).toList();
        List<NotificationView.Child> children = jdbc.sql("""
                        select c.*, s.name as school_name from notification_child c
                          left join agency s on s.id = c.school_agency_id
                         where c.notification_id = ? order by c.position""").param(id)
                .query((rs, n) -> new NotificationView.Child(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getObject("person_id", UUID.class), rs.getString("display_name"), rs.getBoolean("unborn"),
                        (Integer) rs.getObject("age_years"), rs.getBoolean("lives_in_household"),
                        rs.getString("experience"), rs.getString("demeanour"), rs.getString("risks"),
                        rs.getString("history_seen"), rs.getBoolean("harmed"), rs.getBoolean("witnessed_serious_harm"),
                        rs.getBoolean("in_violent_relationship"), rs.getString("school_name"),
                        rs.getString("support_suggested"))).list();
        List<NotificationView.SchoolNotice> schoolNotices = jdbc.sql("""
                        select s.id, c.display_name, a.name, s.due_at, s.status, s.acknowledged_at
                          from school_notification s join notification_child c on c.id = s.child_id
                          join agency a on a.id = s.school_agency_id
                         where s.notification_id = ? order by c.position""").param(id)
                .query((rs, n) -> new NotificationView.SchoolNotice(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), instant(rs.getTimestamp(6))))
                .list();
        UUID strategy = jdbc.sql("select id from strategy_discussion where notification_id = ?").param(id)
                .query(UUID.class).optional().orElse(null);
        NotificationView.Triage triage = triage(id);
        return jdbc.sql("""
                        select n.*, a.name as agency_name, u.display_name as submitted_by_name, i.occurred_on,
                               c.reference as case_reference
                          from police_notification n join agency a on a.id = n.agency_id
                          join app_user u on u.id = n.submitted_by join incident i on i.id = n.incident_id
                          join dva_case c on c.id = n.case_id where n.id = ?""").param(id)
                .query((rs, n) -> new NotificationView(id, rs.getString("reference"),
                        rs.getObject("incident_id", UUID.class), rs.getDate("occurred_on").toLocalDate(),
                        rs.getObject("case_id", UUID.class), rs.getString("case_reference"),
                        rs.getObject("victim_person_id", UUID.class), rs.getString("agency_name"),
                        rs.getString("submitted_by_name"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("profile"), rs.getString("risk_level"), (Integer) rs.getObject("dash_yes_count"),
                        rs.getString("criminal_justice_outcome"), rs.getBoolean("victim_pregnant"),
                        rs.getInt("perpetrator_mappa_level"), children, actions, triage, strategy, schoolNotices))
                .single();
    }

    NotificationView.Triage triage(UUID id) {
        Thresholds.Recommendation recommendation = Thresholds.recommend(json.readValue(jdbc.sql(
                "select evaluation from police_notification where id = ?").param(id).query(String.class).single(),
                Evaluation.class));
        List<String> because = recommendation.because().stream()
                .map(b -> b.action().description() + " (" + String.join(", ", b.rules()) + "; " + b.source() + ")").toList();
        List<NotificationView.AgencyInformation> information = jdbc.sql("""
                        select a.name, u.display_name, t.entered_at, t.information from triage_agency_information t
                          join agency a on a.id = t.agency_id join app_user u on u.id = t.entered_by
                         where t.notification_id = ? order by t.entered_at""").param(id)
                .query((rs, n) -> new NotificationView.AgencyInformation(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4))).list();
        List<String> requested = jdbc.sql("""
                        select distinct a.name from task t join agency a on a.id = t.owner_agency_id
                         where t.kind = ? and t.subject_id = ? order by a.name""").params(MashTriage.INFORMATION_TASK, id)
                .query(String.class).list();
        return jdbc.sql("""
                        select t.*, a.name as lead_agency_name, u.display_name as decided_by_name,
                               w.display_name as caseworker_name
                          from mash_triage t left join agency a on a.id = t.lead_agency_id
                          left join app_user u on u.id = t.decided_by left join app_user w on w.id = t.caseworker_user_id
                         where t.notification_id = ?""").param(id)
                .query((rs, n) -> {
                    TriageRules.Route route = TriageRules.Route.valueOf(rs.getString("route"));
                    String outcome = rs.getString("outcome");
                    return new NotificationView.Triage(route, rs.getString("route_reason"), rs.getBoolean("urgent"),
                            rs.getTimestamp("due_at").toInstant(), rs.getString("status"),
                            ThresholdOutcome.valueOf(rs.getString("recommended_outcome")),
                            rs.getBoolean("information_and_advice_permitted"), because,
                            outcome == null ? null : ThresholdOutcome.valueOf(outcome), rs.getString("lead_agency_name"),
                            rs.getString("rationale"), rs.getString("lower_outcome_rationale"),
                            rs.getString("decided_by_name"), instant(rs.getTimestamp("decided_at")),
                            rs.getInt("version"), information, requested, rs.getString("caseworker_name"));
                }).single();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
