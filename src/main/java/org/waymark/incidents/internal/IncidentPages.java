package org.waymark.incidents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.waymark.incidents.Incidents;
import org.waymark.incidents.NewIncident;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;

/** Recording an incident for a person, and the person's chronology (printable). */
@Controller
class IncidentPages {

    static final int MAX_CHILD_ROWS = 4;

    private final Incidents incidents;
    private final People people;
    private final Clock clock;

    IncidentPages(Incidents incidents, People people, Clock clock) {
        this.incidents = incidents;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/people/{id}/incidents/new")
    String form(@PathVariable UUID id, Model model) {
        return page(model, people.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/people/{id}/incidents/new")
    String record(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        Person victim = people.get(id);
        FormReader in = new FormReader(form);
        LocalDate date = in.date("occurredOn", "The date of the incident", LocalDate.now(clock));
        if (date == null && in.errors.isEmpty()) {
            in.errors.add(new FieldError("occurredOn-day", "Enter the date of the incident"));
        }
        List<String> flags = new ArrayList<>(in.ticked("flags", List.of("injuries", "weapon", "strangulation",
                "sexualViolence", "threatsToKill")));
        // Read before the error check, so an over-long entry is reported rather than silently dropped.
        String location = in.text("location", 500, "Where it happened");
        String outcome = in.text("criminalJusticeOutcome", 200, "The outcome");
        String narrative = in.text("narrative", 20000, "The account");
        String disclosedBy = in.text("disclosedBy", 200, "Who told you");
        String disclosedTo = in.text("disclosedTo", 200, "Who it was disclosed to");
        String known = in.text("whoElseKnows", 4000, "Who else knows");
        List<String> whoElseKnows = known == null ? List.of() : List.of(known.split("\\s*[\\r\\n]+\\s*"));
        List<NewIncident.Involved> involved = new ArrayList<>(List.of(new NewIncident.Involved(id, "VICTIM")));
        // Children in the household and what each saw or heard (rows child-N / experience-N).
        for (int i = 0; i < MAX_CHILD_ROWS; i++) {
            String child = in.text("child-" + i);
            if (child == null) {
                continue;
            }
            String experience = in.text("experience-" + i);
            try {
                involved.add(new NewIncident.Involved(UUID.fromString(child), "CHILD", experience));
            } catch (IllegalArgumentException e) {
                in.errors.add(new FieldError("child-" + i, "Select the child from the list"));
            }
        }
        String harm = in.text("personCausingHarm");
        if (harm != null) {
            try {
                involved.add(new NewIncident.Involved(UUID.fromString(harm), "PERSON_CAUSING_HARM"));
            } catch (IllegalArgumentException e) {
                in.errors.add(new FieldError("personCausingHarm", "Select the person causing harm from the list"));
            }
        }
        if (!in.errors.isEmpty()) {
            return page(model, victim, form, in.errors);
        }
        try {
            incidents.record(new NewIncident(date, location, in.text("cameToLight"),
                    in.ticked("abuseTypes", Incidents.ABUSE_TYPES), in.text("severity"), flags.contains("injuries"),
                    flags.contains("weapon"), flags.contains("strangulation"), flags.contains("sexualViolence"),
                    flags.contains("threatsToKill"), outcome, narrative, involved, "yes".equals(in.text("locationRestricted")),
                    disclosedBy, disclosedTo, whoElseKnows));
        } catch (InvalidRequestException e) {
            // Service fields that have no control of that name on this page point at the nearest one.
            List<FieldError> errors = e.errors().stream().map(err -> switch (err.field()) {
                case "occurredOn" -> new FieldError("occurredOn-day", err.message());
                case "people" -> new FieldError("child-0", err.message());
                case "abuseTypes" -> new FieldError("abuseTypes-PHYSICAL", err.message());
                default -> err;
            }).toList();
            return page(model, victim, form, errors);
        }
        redirect.addFlashAttribute("success", "Incident recorded");
        return "redirect:/people/" + id + "/chronology";
    }

    private String page(Model model, Person victim, MultiValueMap<String, String> values, List<FieldError> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("person", victim);
        model.addAttribute("others", people.listForMyAgency().stream().filter(p -> !p.id().equals(victim.id())).toList());
        model.addAttribute("abuseTypes", Incidents.ABUSE_TYPES);
        model.addAttribute("childRows", java.util.stream.IntStream.range(0, MAX_CHILD_ROWS).boxed().toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        return "incidents/new";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable UUID id, Model model) {
        model.addAttribute("incident", incidents.get(id));
        return "incidents/incident";
    }

    @GetMapping("/people/{id}/family-chronology")
    String familyChronology(@PathVariable UUID id, Model model) {
        model.addAttribute("family", true);
        model.addAttribute("person", people.get(id));
        model.addAttribute("entries", incidents.chronology(id, true));
        model.addAttribute("timeline", incidents.timeline(id, true));
        model.addAttribute("facts", incidents.facts(id, LocalDate.now(clock)));
        return "incidents/chronology";
    }

    @GetMapping("/people/{id}/chronology")
    String chronology(@PathVariable UUID id, Model model) {
        model.addAttribute("family", false);
        model.addAttribute("person", people.get(id));
        model.addAttribute("entries", incidents.chronology(id));
        model.addAttribute("timeline", incidents.timeline(id, false));
        model.addAttribute("facts", incidents.facts(id, LocalDate.now(clock)));
        return "incidents/chronology";
    }
}
