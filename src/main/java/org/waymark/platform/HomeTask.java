package org.waymark.platform;

/** Something a user can do, listed on their home page. Modules contribute them through {@link HomeTasks}. */
public record HomeTask(int order, String title, String href, String description) {
}
