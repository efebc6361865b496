package org.waymark.governance.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class GovernanceTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.hasRole("ADMIN") && !actor.hasRole("SAFEGUARDING_LEAD")) {
            return List.of();
        }
        return List.of(new HomeTask(830, "Records due for retention review", "/governance/retention",
                "Records whose retention period has ended: decide whether each is anonymised or kept, and why."));
    }
}
