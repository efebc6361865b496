package org.waymark.cases.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.waymark.cases.Cases;

/** Puts the unread notification count in every page's header. */
@ControllerAdvice(annotations = Controller.class)
class CasesShellAdvice {

    private final Cases cases;

    CasesShellAdvice(Cases cases) {
        this.cases = cases;
    }

    @ModelAttribute("unreadNotifications")
    long unreadNotifications() {
        return cases.unreadNotifications();
    }
}
