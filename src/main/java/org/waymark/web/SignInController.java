package org.waymark.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.organisations.SignInLimit;
import org.waymark.platform.CurrentActor;

@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "signed-out", required = false) String signedOut,
                  @RequestAttribute(name = SignInLimit.RETRY_AFTER_SECONDS, required = false) Long retryAfterSeconds,
                  HttpServletResponse response, Model model) {
        if (retryAfterSeconds != null) {
            // A sign-in refused before its password was checked (see SignInLimit): say when to try again.
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
            model.addAttribute("error", "Too many sign-in attempts have failed from your network. Wait "
                    + minutes + (minutes == 1 ? " minute" : " minutes") + " and try again");
            model.addAttribute("signedOut", false);
            return "sign-in";
        }
        if (CurrentActor.find().isPresent()) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", "Enter a correct username and password");
            model.addAttribute("lockoutHint", true);
        }
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }
}
