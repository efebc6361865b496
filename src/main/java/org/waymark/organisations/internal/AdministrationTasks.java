package org.waymark.organisations.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.organisations.Role;
import org.waymark.platform.Actor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Component
class AdministrationTasks implements HomeTasks {

    private static final HomeTask PASSWORD = new HomeTask(950, "Change your password", "/account/password",
            "Replace the password you were given with one only you know.");

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.hasRole(Role.ADMIN.name())) {
            return List.of(new HomeTask(900, "Use the API", "/swagger-ui.html",
                    "Documentation of Waymark's API for systems that work with it."), PASSWORD);
        }
        return List.of(PASSWORD,
                new HomeTask(800, "Manage agencies", "/admin/agencies", "Add the agencies in the partnership."),
                new HomeTask(810, "Manage users", "/admin/users",
                        "Add people who sign in, give them roles, lift lockouts."),
                new HomeTask(900, "Use the API", "/swagger-ui.html",
                        "Documentation of Waymark's API for systems that work with it."));
    }
}
