package org.waymark.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;

/** Every page's header shows who is signed in and their agency. */
@ControllerAdvice
class WebShellAdvice {

    @ModelAttribute("currentActor")
    Actor currentActor() {
        return CurrentActor.find().orElse(null);
    }
}
