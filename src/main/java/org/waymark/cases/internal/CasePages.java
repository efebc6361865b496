package org.waymark.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.cases.CaseView;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/** The case pages: my cases, one case, a decision to share, allocation, lead agency, break-glass, notifications. */
@Controller
class CasePages {

    private final Cases cases;
    private final Agencies agencies;

    CasePages(Cases cases, Agencies agencies) {
        this.cases = cases;
        this.agencies = agencies;
    }

    @GetMapping("/cases")
    String list(Model model) {
        model.addAttribute("cases", cases.mine());
        return "cases/list";
    }

    /** From a person's page: their open case, or the offer to open one. */
    @GetMapping("/cases/for-person/{personId}")
    String forPerson(@PathVariable UUID personId, Model model) {
        return cases.openCaseOf(personId).map(c -> "redirect:/cases/" + c.id()).orElseGet(() -> {
            model.addAttribute("personId", personId);
            return "cases/open";
        });
    }

    @PostMapping("/cases/for-person/{personId}")
    String open(@PathVariable UUID personId, RedirectAttributes redirect) {
        UUID caseId = cases.openFor(personId).id();
        redirect.addFlashAttribute("success", "Case opened");
        return "redirect:/cases/" + caseId;
    }

    @GetMapping("/cases/{id}")
    String view(@PathVariable UUID id, Model model) {
        return casePage(model, cases.get(id), List.of(), new LinkedMultiValueMap<>());
    }

    private String casePage(Model model, CaseView view, List<FieldError> errors, MultiValueMap<String, String> values) {
        model.addAttribute("view", view);
        model.addAttribute("colleagues", cases.colleagues());
        model.addAttribute("worksWith", Cases.WORKS_WITH);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        model.addAttribute("involvedAgencies", agencies.list().stream()
                .filter(a -> view.agencies().stream().anyMatch(i -> i.agencyName().equals(a.name()))).toList());
        return "cases/case";
    }

    @PostMapping("/cases/{id}/workers")
    String allocate(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                    RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        UUID userId = uuid(in.text("userId"));
        try {
            cases.allocateWorker(id, userId, in.text("worksWith"));
        } catch (InvalidRequestException e) {
            return casePage(model, cases.get(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "Worker allocated");
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/lead-agency")
    String lead(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            cases.changeLeadAgency(id, uuid(in.text("leadAgencyId")), in.version());
        } catch (InvalidRequestException e) {
            return casePage(model, cases.get(id), e.errors(), form);
        } catch (ConflictException e) {
            return casePage(model, cases.get(id), List.of(new FieldError("leadAgencyId", e.getMessage())), form);
        }
        redirect.addFlashAttribute("success", "Lead agency changed");
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/closure")
    String close(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                 RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            cases.close(id, in.text("reason"), in.version());
        } catch (InvalidRequestException e) {
            return casePage(model, cases.get(id), e.errors(), form);
        } catch (ConflictException e) {
            return casePage(model, cases.get(id), List.of(new FieldError("reason", e.getMessage())), form);
        }
        redirect.addFlashAttribute("success", "Case closed");
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/sharing/new")
    String shareForm(@PathVariable UUID id, Model model) {
        return sharePage(model, cases.get(id), List.of(), new LinkedMultiValueMap<>());
    }

    @PostMapping("/cases/{id}/sharing/new")
    String share(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                 RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        SharingRequest request = new SharingRequest(in.text("decision"), uuid(in.text("withAgencyId")),
                in.text("withPerson"), in.text("what"), in.text("consent"), in.text("lawfulBasis"), in.text("rationale"),
                in.text("basis"), in.text("worksWith"));
        try {
            cases.decideSharing(id, request);
        } catch (InvalidRequestException e) {
            return sharePage(model, cases.get(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "SHARE".equals(request.decision())
                ? "Decision to share recorded; the agency is now involved in the case"
                : "Decision not to share recorded");
        return "redirect:/cases/" + id;
    }

    private String sharePage(Model model, CaseView view, List<FieldError> errors, MultiValueMap<String, String> values) {
        model.addAttribute("view", view);
        model.addAttribute("agencies", agencies.list().stream().filter(Agency::active).toList());
        model.addAttribute("consentOptions", Cases.CONSENT);
        model.addAttribute("lawfulBases", Cases.LAWFUL_BASES);
        model.addAttribute("bases", Cases.INVOLVEMENT_BASES);
        model.addAttribute("worksWith", Cases.WORKS_WITH);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        return "cases/share";
    }

    @GetMapping("/cases/break-glass")
    String breakGlassForm(Model model) {
        return breakGlassPage(model, List.of(), new LinkedMultiValueMap<>());
    }

    @PostMapping("/cases/break-glass")
    String breakGlass(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            Cases.BreakGlassGrant grant = cases.breakGlass(in.text("reference"), in.text("reason"));
            if (grant.granted()) {
                redirect.addFlashAttribute("success", "You have access to this case until "
                        + grant.expiresAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalTime().withSecond(0).withNano(0)
                        + ". Your access and reason are recorded, and the case's workers have been told.");
            }
            return "redirect:/cases/" + grant.caseId();
        } catch (InvalidRequestException e) {
            return breakGlassPage(model, e.errors(), form);
        }
    }

    private String breakGlassPage(Model model, List<FieldError> errors, MultiValueMap<String, String> values) {
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        return "cases/break-glass";
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", cases.notifications());
        return "cases/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead() {
        cases.markNotificationsRead();
        return "redirect:/notifications";
    }

    private static Map<String, String> fieldErrors(List<FieldError> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        return fieldErrors;
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Case");
        }
    }
}
