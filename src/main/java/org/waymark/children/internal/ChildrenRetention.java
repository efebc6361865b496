package org.waymark.children.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.cases.CaseAnonymised;

/**
 * When a case is anonymised at the end of retention, the pathway's copies go with it: the children's names kept
 * on the notification, and every free-text note about the family (synchronous, in the same transaction).
 */
@Component
class ChildrenRetention {

    static final String ANONYMISED = "[anonymised]";

    private final JdbcClient jdbc;

    ChildrenRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseAnonymised event) {
        String notifications = "select id from police_notification where case_id = :case";
        jdbc.sql("""
                update notification_child set display_name = 'Child ' || (position + 1), demeanour = null, risks = null,
                       history_seen = null, support_suggested = null
                 where notification_id in (""" + notifications + ")").param("case", event.caseId()).update();
        jdbc.sql("update triage_agency_information set information = :text where notification_id in (" + notifications + ")")
                .param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("""
                update mash_triage set rationale = case when rationale is null then null else :text end,
                       lower_outcome_rationale = case when lower_outcome_rationale is null then null else :text end
                 where notification_id in (""" + notifications + ")").param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("""
                update strategy_discussion set attended = case when attended is null then null else :text end,
                       actions = case when actions is null then null else :text end, notes = null
                 where case_id = :case""").param("text", ANONYMISED).param("case", event.caseId()).update();
    }
}
