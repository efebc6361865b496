package org.waymark.platform;

import java.util.List;

/** Implemented by each module that offers pages: the tasks this actor may do there. */
public interface HomeTasks {
    List<HomeTask> tasksFor(Actor actor);
}
