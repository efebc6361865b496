package org.waymark.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.platform.CurrentActor;

@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
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
