package org.waymark.audit.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class AuditTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.hasRole("ADMIN")) {
            return List.of();
        }
        return List.of(new HomeTask(820, "Search the audit trail", "/admin/audit",
                        "Who did what, when and from where, including refused access and sign-in attempts."),
                new HomeTask(821, "Verify the audit trail", "/admin/audit/verification",
                        "Check that no audit row has been changed, removed or moved since it was sealed."));
    }
}
