package org.waymark.organisations.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.AgencyType;
import org.waymark.organisations.NewAgency;
import org.waymark.organisations.NewUser;
import org.waymark.organisations.Role;
import org.waymark.organisations.UserAccount;
import org.waymark.organisations.UserAccounts;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.RequestValidation;

/** Administrators' pages for agencies and users. Refused input is shown back with a GOV.UK error summary. */
@Controller
@RequestMapping("/admin")
class AdminPages {

    /** What the agency form posts: plain strings, so any input can be shown back. */
    static class AgencyForm {
        private String name = "";
        private String type = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }

    static class UserForm {
        private String username = "";
        private String displayName = "";
        private String email = "";
        private String agencyId = "";
        private List<String> roles = new ArrayList<>();
        private String password = "";

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getAgencyId() {
            return agencyId;
        }

        public void setAgencyId(String agencyId) {
            this.agencyId = agencyId;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles == null ? new ArrayList<>() : roles;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    private final Agencies agencies;
    private final UserAccounts users;
    private final Validator validator;

    AdminPages(Agencies agencies, UserAccounts users, Validator validator) {
        this.agencies = agencies;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping("/agencies")
    String agencies(Model model) {
        model.addAttribute("agencies", agencies.list());
        return "admin/agencies";
    }

    @GetMapping("/agencies/new")
    String newAgency(Model model) {
        model.addAttribute("form", new AgencyForm());
        return agencyForm(model, List.of());
    }

    @PostMapping("/agencies/new")
    String createAgency(@ModelAttribute("form") AgencyForm form, Model model, RedirectAttributes redirect) {
        AgencyType type = parse(AgencyType.class, form.getType());
        NewAgency request = new NewAgency(form.getName(), type);
        List<FieldError> errors = RequestValidation.errors(validator, request);
        if (errors.isEmpty()) {
            try {
                var agency = agencies.create(request);
                redirect.addFlashAttribute("success", "Agency added: " + agency.name());
                return "redirect:/admin/agencies";
            } catch (InvalidRequestException e) {
                errors = e.errors();
            }
        }
        return agencyForm(model, errors);
    }

    private String agencyForm(Model model, List<FieldError> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("agencyTypes", AgencyType.values());
        return "admin/agency-new";
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        return "admin/users";
    }

    @GetMapping("/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        model.addAttribute("user", users.get(id));
        return "admin/user";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("success", "Account unlocked");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm());
        return userForm(model, List.of());
    }

    @PostMapping("/users/new")
    String createUser(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : form.getRoles()) {
            Role parsed = parse(Role.class, role);
            if (parsed != null) {
                roles.add(parsed);
            }
        }
        UUID agencyId = null;
        try {
            agencyId = form.getAgencyId().isBlank() ? null : UUID.fromString(form.getAgencyId());
        } catch (IllegalArgumentException e) {
            // left null: validation reports "Select the user's agency"
        }
        NewUser request = new NewUser(form.getUsername().trim(), form.getDisplayName(),
                form.getEmail().isBlank() ? null : form.getEmail().trim(), agencyId, roles, form.getPassword());
        List<FieldError> errors = RequestValidation.errors(validator, request);
        if (errors.isEmpty()) {
            try {
                UserAccount user = users.create(request);
                redirect.addFlashAttribute("success", "User added: " + user.username());
                return "redirect:/admin/users";
            } catch (InvalidRequestException e) {
                errors = e.errors();
            }
        }
        form.setPassword("");
        return userForm(model, errors);
    }

    private String userForm(Model model, List<FieldError> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("agencies", agencies.list().stream().filter(a -> a.active()).toList());
        model.addAttribute("roleLabels", UserAccounts.roleLabels());
        return "admin/user-new";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
