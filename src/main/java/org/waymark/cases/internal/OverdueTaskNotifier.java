package org.waymark.cases.internal;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.tasks.TaskOverdue;

/**
 * Tells people when work is overdue: the owner, the owner agency's safeguarding leads (their managers),
 * and the leads (safeguarding, MASH, MARAC) of the agency the procedure escalates to. Runs in the escalation's transaction.
 */
@Component
class OverdueTaskNotifier {

    private final JdbcClient jdbc;

    OverdueTaskNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TaskOverdue overdue) {
        String message = "Overdue: " + overdue.title();
        for (UUID recipient : jdbc.sql("""
                select id from app_user where id = :owner and enabled
                union
                select u.id from app_user u join app_user_role r on r.user_id = u.id
                 where u.agency_id = :agency and u.enabled and r.role = 'SAFEGUARDING_LEAD'
                union
                select u.id from app_user u join app_user_role r on r.user_id = u.id
                 where u.agency_id = :escalateTo and u.enabled
                   and r.role in ('SAFEGUARDING_LEAD', 'MASH_OFFICER', 'MARAC_COORDINATOR')
                """).param("owner", overdue.ownerUserId()).param("agency", overdue.ownerAgencyId())
                .param("escalateTo", overdue.escalateToAgencyId()).query(UUID.class).list()) {
            jdbc.sql("insert into notification (id, recipient_id, kind, case_id, message) values (?, ?, 'OVERDUE_TASK', ?, ?)")
                    .params(UUID.randomUUID(), recipient, overdue.caseId(), message).update();
        }
    }
}
