package org.waymark.governance.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.governance.Retention;
import org.waymark.governance.RetentionReview;
import org.waymark.governance.SubjectAccess;
import org.waymark.people.People;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

@Controller
class GovernancePages {

    private final SubjectAccess subjectAccess;
    private final Retention retention;
    private final People people;
    private final JsonMapper json;

    GovernancePages(SubjectAccess subjectAccess, Retention retention, People people, JsonMapper json) {
        this.subjectAccess = subjectAccess;
        this.retention = retention;
        this.people = people;
        this.json = json;
    }

    @GetMapping("/people/{id}/subject-access")
    String subjectAccess(@PathVariable UUID id, Model model) {
        model.addAttribute("report", subjectAccess.accessReport(id));
        model.addAttribute("person", people.get(id));
        model.addAttribute("disclosures", subjectAccess.disclosures(id));
        return "governance/subject-access";
    }

    /** A POST, so a browser's prefetch can never record a disclosure. */
    @PostMapping("/people/{id}/subject-access/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "PDF") String format) {
        if (format.equals("JSON")) {
            byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(subjectAccess.export(id, "JSON"));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("subject-access-" + id + ".json").build().toString())
                    .body(body);
        }
        return GovernanceApi.pdf(id, subjectAccess.exportPdf(id));
    }

    @GetMapping("/governance/retention")
    String queue(Model model) {
        List<RetentionReview> queue = retention.queue();
        model.addAttribute("due", queue.stream().filter(r -> r.status().equals("DUE")).toList());
        model.addAttribute("decided", queue.stream().filter(r -> !r.status().equals("DUE")).toList());
        model.addAttribute("schedule", retention.schedule());
        return "governance/retention";
    }

    @GetMapping("/governance/retention/{id}")
    String review(@PathVariable UUID id, Model model) {
        return reviewPage(model, retention.get(id), List.of(), new LinkedMultiValueMap<>());
    }

    @PostMapping("/governance/retention/{id}")
    String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        String decision = form.getFirst("decision");
        try {
            RetentionReview review = retention.decide(id, decision == null || decision.isBlank() ? null : decision,
                    form.getFirst("rationale"));
            redirect.addFlashAttribute("success", review.status().equals("KEPT")
                    ? "Kept until " + review.keepUntil() + ": your reason is recorded"
                    : "Anonymised: your approval and reason are recorded");
            return "redirect:/governance/retention";
        } catch (InvalidRequestException e) {
            return reviewPage(model, retention.get(id), e.errors(), form);
        } catch (ConflictException e) {
            return reviewPage(model, retention.get(id), List.of(new FieldError("decision", e.getMessage())), form);
        }
    }

    private String reviewPage(Model model, RetentionReview review, List<FieldError> errors,
                              MultiValueMap<String, String> values) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("review", review);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("values", values);
        model.addAttribute("keepFor", retention.schedule().keepFor());
        return "governance/review";
    }
}
