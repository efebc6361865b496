package org.waymark.organisations.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.organisations.UserAccounts;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;

/** The signed-in user's own account: changing the initial password an administrator gave them. */
@Controller
class AccountPages {

    private final UserAccounts users;

    AccountPages(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        return page(model, List.of());
    }

    private static String page(Model model, List<FieldError> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        return "account-password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmPassword, Model model,
                          RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(currentPassword, newPassword, confirmPassword);
        } catch (InvalidRequestException e) {
            return page(model, e.errors());
        }
        redirect.addFlashAttribute("success", "Your password has been changed");
        return "redirect:/";
    }
}
