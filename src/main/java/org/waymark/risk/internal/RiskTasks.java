package org.waymark.risk.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class RiskTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (actor.roles().size() == 1 && actor.hasRole("ADMIN")) {
            return List.of();
        }
        return List.of(new HomeTask(100, "Risk assessments (DASH)", "/risk-assessments",
                "Complete a DASH risk checklist with a victim and see what the procedures require, and why."));
    }
}
