package org.waymark.children.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class ChildrenHomeTasks implements HomeTasks {

    private final Agencies agencies;

    ChildrenHomeTasks(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.hasRole("POLICE_OFFICER")) {
            tasks.add(new HomeTask(20, "Police notifications", "/children/notifications",
                    "Tell the MASH about a domestic incident with children in the household; the rules start the follow-up."));
        }
        if (actor.hasRole("MASH_OFFICER")) {
            tasks.add(new HomeTask(21, "MASH triage", "/mash/triage",
                    "Police notifications awaiting triage: urgent first, then by due time and risk."));
        }
        if (agencies.find(actor.agencyId()).map(a -> a.type() == AgencyType.EDUCATION).orElse(false)) {
            tasks.add(new HomeTask(22, "School notifications", "/school-notifications",
                    "Domestic incidents your pupils experienced, to read and acknowledge before the school day starts."));
        }
        return tasks;
    }
}
