package org.waymark.tasks.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.waymark.tasks.Tasks;
import org.waymark.tasks.WorkTask;

/** "Your work": the caller's tasks, overdue first. */
@Controller
class TasksPage {

    private final Tasks tasks;

    TasksPage(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks")
    String page(Model model) {
        model.addAttribute("tasks", tasks.mine());
        return "tasks/list";
    }

    @GetMapping("/api/v1/tasks")
    @ResponseBody
    List<WorkTask> api() {
        return tasks.mine();
    }
}
