package org.waymark.cases.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class CaseTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            return List.of();
        }
        return List.of(new HomeTask(40, "Cases", "/cases",
                        "Cases your agency is involved in: the people, agencies, decisions to share and the chronology."),
                new HomeTask(45, "Notifications", "/notifications", "Messages about your cases, such as break-glass access."),
                new HomeTask(95, "Open a case you have no relationship with", "/cases/break-glass",
                        "Break-glass: state your reason. Access lasts a few hours, is recorded, and the case's workers are told."));
    }
}
