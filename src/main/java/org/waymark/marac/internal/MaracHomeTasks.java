package org.waymark.marac.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class MaracHomeTasks implements HomeTasks {

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            return List.of();
        }
        return List.of(new HomeTask(50, "MARAC", "/marac",
                "Refer a victim at high risk, review referrals, meeting agendas, research and your agency's actions."));
    }
}
