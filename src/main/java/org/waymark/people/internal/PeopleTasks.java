package org.waymark.people.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class PeopleTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            return List.of();
        }
        return List.of(new HomeTask(50, "Record a person and consult existing records", "/people/new",
                "Find the same person in every agency's records, despite typos and changed names, before you save."),
                new HomeTask(60, "People your agency has recorded", "/people", "Open a person's record and links."));
    }
}
