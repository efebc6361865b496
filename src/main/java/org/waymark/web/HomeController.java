package org.waymark.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.organisations.Role;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.HomeTask;
import org.waymark.platform.HomeTasks;

@Controller
class HomeController {

    private final List<HomeTasks> modules;

    HomeController(List<HomeTasks> modules) {
        this.modules = modules;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.require();
        List<HomeTask> tasks = modules.stream().flatMap(m -> m.tasksFor(actor).stream())
                .sorted(Comparator.comparingInt(HomeTask::order)).toList();
        model.addAttribute("tasks", tasks);
        model.addAttribute("roleLabels", actor.roles().stream().sorted()
                .map(role -> Role.valueOf(role).label()).collect(Collectors.joining(", ")));
        return "home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }
}
