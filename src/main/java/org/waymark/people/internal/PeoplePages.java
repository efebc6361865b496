package org.waymark.people.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.people.MatchCandidate;
import org.waymark.people.NewPerson;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.platform.TooManyRequestsException;

/**
 * Recording a person at intake: the details are checked against existing records first, and the
 * practitioner chooses: this is someone we already hold, the same person as another agency's record
 * (save and link), or someone new.
 */
@Controller
@RequestMapping("/people")
class PeoplePages {

    private final People people;
    private final Clock clock;
    private final MatchThrottle throttle;

    PeoplePages(People people, Clock clock, MatchThrottle throttle) {
        this.people = people;
        this.clock = clock;
        this.throttle = throttle;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("people", people.listForMyAgency());
        return "people/list";
    }

    @GetMapping("/new")
    String intake(Model model) {
        return intakePage(model, new LinkedMultiValueMap<>(), List.of(), null);
    }

    @PostMapping("/new")
    String submit(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        FormReader in = new FormReader(form);
        LocalDate dob = in.date("dateOfBirth", "Date of birth", LocalDate.now(clock));
        String previous = in.text("previousNames", 500, "Previous names");
        String aliases = in.text("aliases", 1000, "Other names");
        NewPerson person = new NewPerson(in.text("givenName"), in.text("middleNames"), in.text("familyName"),
                previous == null ? List.of() : List.of(previous.split("\\s*;\\s*")), dob, in.text("sex"),
                in.text("address"), in.text("postcode"), "yes".equals(in.text("addressRestricted")),
                in.text("phone"), "yes".equals(in.text("phoneRestricted")), in.text("nhsNumber"),
                aliases == null ? List.of() : List.of(aliases.split("\\s*;\\s*")));
        if (!in.errors.isEmpty()) {
            return intakePage(model, form, in.errors, null);
        }
        String action = form.getFirst("action") == null ? "check" : form.getFirst("action");
        try {
            if (action.equals("check")) {
                try {
                    throttle.count();
                } catch (TooManyRequestsException e) {
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                    return intakePage(model, form, List.of(new FieldError("check", "You have checked existing records"
                            + " many times in a short time. Wait a minute and try again")), null);
                }
                return intakePage(model, form, List.of(), people.matches(person, 10));
            }
            if (action.startsWith("use:")) {
                UUID existing = UUID.fromString(action.substring(4));
                return "redirect:/people/" + people.get(existing).id();
            }
            if (action.startsWith("link:")) {
                UUID other = UUID.fromString(action.substring(5));
                Person saved = people.recordAndLink(person, other);
                redirect.addFlashAttribute("success", "Saved and linked to the record held by another agency");
                return "redirect:/people/" + saved.id();
            }
            if (!action.equals("new")) {
                return intakePage(model, form, List.of(new FieldError("check", "Choose one of the options")), null);
            }
            Person saved = people.recordAsNew(person);
            redirect.addFlashAttribute("success", "Saved as a new person");
            return "redirect:/people/" + saved.id();
        } catch (InvalidRequestException e) {
            return intakePage(model, form, e.errors(), null);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Person");
        }
    }

    private String intakePage(Model model, MultiValueMap<String, String> values, List<FieldError> errors,
                              List<MatchCandidate> candidates) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("candidates", candidates);
        return "people/new";
    }

    @GetMapping("/{id}")
    String person(@PathVariable UUID id, Model model) {
        model.addAttribute("person", people.get(id));
        model.addAttribute("details", people.details(id).value());
        model.addAttribute("relationships", people.relationships(id));
        model.addAttribute("others", people.listForMyAgency().stream().filter(p -> !p.id().equals(id)).toList());
        model.addAttribute("kinds", People.RELATIONSHIP_KINDS);
        model.addAttribute("addresses", people.addresses(id));
        model.addAttribute("contacts", people.contacts(id));
        model.addAttribute("otherNames", people.otherNames(id));
        model.addAttribute("references", people.references(id));
        model.addAttribute("household", people.household(id));
        return "people/person";
    }

    @GetMapping("/{id}/other-names/new")
    String otherNameForm(@PathVariable UUID id, Model model) {
        return formPage(model, people.get(id), new LinkedMultiValueMap<>(), List.of(), "people/other-name");
    }

    @PostMapping("/{id}/other-names/new")
    String addOtherName(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                        RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            people.addOtherName(id, in.text("kind"), in.text("givenName"), in.text("familyName"));
        } catch (InvalidRequestException e) {
            return formPage(model, people.get(id), form, e.errors(), "people/other-name");
        }
        redirect.addFlashAttribute("success", "Name added");
        return "redirect:/people/" + id;
    }

    @GetMapping("/{id}/references/new")
    String referenceForm(@PathVariable UUID id, Model model) {
        return formPage(model, people.get(id), new LinkedMultiValueMap<>(), List.of(), "people/reference");
    }

    @PostMapping("/{id}/references/new")
    String addReference(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                        RedirectAttributes redirect) {
        try {
            people.addReference(id, new FormReader(form).text("reference"));
        } catch (InvalidRequestException e) {
            return formPage(model, people.get(id), form, e.errors(), "people/reference");
        }
        redirect.addFlashAttribute("success", "Reference added");
        return "redirect:/people/" + id;
    }

    @GetMapping("/{id}/household/new")
    String householdForm(@PathVariable UUID id, Model model) {
        return householdPage(model, people.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/{id}/household/new")
    String addToHousehold(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                          RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        LocalDate from = in.date("from", "The date they started living together", LocalDate.now(clock));
        UUID other = null;
        try {
            String raw = in.text("otherPersonId");
            other = raw == null ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            in.errors.add(new FieldError("otherPersonId", "Select someone from the list"));
        }
        try {
            if (!in.errors.isEmpty()) {
                people.get(id);
                throw new InvalidRequestException(in.errors);
            }
            people.addToHousehold(id, other, from);
        } catch (InvalidRequestException e) {
            return householdPage(model, people.get(id), form, e.errors().stream()
                    .map(err -> err.field().equals("from") ? new FieldError("from-day", err.message()) : err).toList());
        }
        redirect.addFlashAttribute("success", "Household updated");
        return "redirect:/people/" + id + "#household";
    }

    @PostMapping("/{id}/household/{householdId}/leave")
    String leaveHousehold(@PathVariable UUID id, @PathVariable UUID householdId,
                          @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        LocalDate to = in.date("to", "The date they left", LocalDate.now(clock));
        try {
            if (!in.errors.isEmpty()) {
                people.get(id);
                throw new InvalidRequestException(in.errors);
            }
            people.leaveHousehold(id, householdId, to);
        } catch (InvalidRequestException e) {
            return householdPage(model, people.get(id), form, e.errors().stream()
                    .map(err -> err.field().equals("to") ? new FieldError("to-day", err.message()) : err).toList());
        }
        redirect.addFlashAttribute("success", "Household updated");
        return "redirect:/people/" + id + "#household";
    }

    private String householdPage(Model model, Person person, MultiValueMap<String, String> values, List<FieldError> errors) {
        model.addAttribute("others", people.listForMyAgency().stream().filter(p -> !p.id().equals(person.id())).toList());
        model.addAttribute("currentHousehold", people.currentHouseholdOf(person.id()));
        return formPage(model, person, values, errors, "people/household");
    }

    private String formPage(Model model, Person person, MultiValueMap<String, String> values, List<FieldError> errors,
                            String view) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("person", person);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        return view;
    }

    @PostMapping("/{id}/relationships")
    String relate(@PathVariable UUID id, @RequestParam(defaultValue = "") String relatedPersonId,
                  @RequestParam(defaultValue = "") String kind, Model model, RedirectAttributes redirect) {
        UUID related;
        try {
            related = relatedPersonId.isBlank() ? null : UUID.fromString(relatedPersonId);
        } catch (IllegalArgumentException e) {
            related = null;
        }
        try {
            people.relate(id, related, kind.isBlank() ? null : kind);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("relationshipError", e.errors().get(0).message());
            return "redirect:/people/" + id + "#relationships";
        }
        redirect.addFlashAttribute("success", "Relationship recorded");
        return "redirect:/people/" + id;
    }

    @PostMapping("/{id}/relationships/{relationshipId}/end")
    String endRelationship(@PathVariable UUID id, @PathVariable UUID relationshipId, RedirectAttributes redirect) {
        people.endRelationship(id, relationshipId);
        redirect.addFlashAttribute("success", "Relationship recorded as ended");
        return "redirect:/people/" + id + "#relationships";
    }

    static final List<String> DETAIL_FIELDS = List.of("preferredName", "genderIdentity", "ethnicity", "disability",
            "sexualOrientation", "religion", "firstLanguage", "immigrationStatus", "policeNationalId", "email");

    @GetMapping("/{id}/details")
    String detailsForm(@PathVariable UUID id, Model model) {
        People.Versioned<org.waymark.people.PersonDetails> details = people.details(id);
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        var d = details.value();
        String[] texts = {d.preferredName(), d.genderIdentity(), d.ethnicity(), d.disability(), d.sexualOrientation(),
                d.religion(), d.firstLanguage(), d.immigrationStatus(), d.policeNationalId(), d.email()};
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                values.add(DETAIL_FIELDS.get(i), texts[i]);
            }
        }
        if (d.estimatedAgeYears() != null) {
            values.add("estimatedAgeYears", d.estimatedAgeYears().toString());
        }
        if (d.interpreterNeeded() != null) {
            values.add("interpreterNeeded", d.interpreterNeeded() ? "yes" : "no");
        }
        if (d.noRecourseToPublicFunds() != null) {
            values.add("noRecourseToPublicFunds", d.noRecourseToPublicFunds() ? "yes" : "no");
        }
        values.add("version", Integer.toString(details.version()));
        return detailsPage(model, people.get(id), values, List.of());
    }

    @PostMapping("/{id}/details")
    String saveDetails(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                       RedirectAttributes redirect) {
        Person person = people.get(id);
        FormReader in = new FormReader(form);
        Integer age = in.number("estimatedAgeYears", 0, 130, "Estimated age");
        Boolean interpreter = in.yesNo("interpreterNeeded");
        Boolean nrpf = in.yesNo("noRecourseToPublicFunds");
        int version = in.version();
        if (!in.errors.isEmpty()) {
            return detailsPage(model, person, form, in.errors);
        }
        try {
            people.updateDetails(id, version, new org.waymark.people.PersonDetails(in.text("preferredName"), age,
                    in.text("genderIdentity"), in.text("ethnicity"), in.text("disability"), in.text("sexualOrientation"),
                    in.text("religion"), in.text("firstLanguage"), interpreter, in.text("immigrationStatus"), nrpf,
                    in.text("policeNationalId"), in.text("email")));
        } catch (InvalidRequestException e) {
            return detailsPage(model, person, form, e.errors());
        } catch (org.waymark.platform.ConflictException e) {
            return detailsPage(model, person, form, List.of(new FieldError("preferredName", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Details saved");
        return "redirect:/people/" + id;
    }

    private String detailsPage(Model model, Person person, MultiValueMap<String, String> values, List<FieldError> errors) {
        model.addAttribute("fields", DETAIL_FIELDS);
        return formPage(model, person, values, errors, "people/details");
    }

    @PostMapping("/{id}/links/{linkId}/undo")
    String undo(@PathVariable UUID id, @PathVariable UUID linkId, RedirectAttributes redirect) {
        people.undoLink(id, linkId);
        redirect.addFlashAttribute("success", "Link undone");
        return "redirect:/people/" + id;
    }

    @GetMapping("/{id}/addresses/new")
    String addressForm(@PathVariable UUID id, Model model) {
        return addressPage(model, people.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/{id}/addresses/new")
    String addAddress(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        LocalDate from = in.date("from", "The date she started living there", LocalDate.now(clock));
        LocalDate to = in.date("to", "The date she left", LocalDate.of(2999, 12, 31));
        String address = in.text("address", 500, "Address");
        String postcode = in.text("postcode", 10, "Postcode");
        try {
            if (!in.errors.isEmpty()) {
                people.get(id);
                throw new InvalidRequestException(in.errors);
            }
            people.addAddress(id, address, postcode, from, to, "yes".equals(in.text("restricted")));
        } catch (InvalidRequestException e) {
            List<FieldError> errors = e.errors().stream().map(err -> switch (err.field()) {
                case "from" -> new FieldError("from-day", err.message());
                case "to" -> new FieldError("to-day", err.message());
                default -> err;
            }).toList();
            return addressPage(model, people.get(id), form, errors);
        }
        redirect.addFlashAttribute("success", "Address added");
        return "redirect:/people/" + id;
    }

    private String addressPage(Model model, Person person, MultiValueMap<String, String> values, List<FieldError> errors) {
        return formPage(model, person, values, errors, "people/address");
    }

    @GetMapping("/{id}/contacts/new")
    String contactForm(@PathVariable UUID id, Model model) {
        return contactPage(model, people.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/{id}/contacts/new")
    String addContact(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        String value = in.text("value", 320, "The phone number or email address");
        try {
            if (!in.errors.isEmpty()) {
                people.get(id);
                throw new InvalidRequestException(in.errors);
            }
            people.addContact(id, in.text("kind"), value, "yes".equals(in.text("restricted")));
        } catch (InvalidRequestException e) {
            return contactPage(model, people.get(id), form, e.errors());
        }
        redirect.addFlashAttribute("success", "Contact details added");
        return "redirect:/people/" + id;
    }

    private String contactPage(Model model, Person person, MultiValueMap<String, String> values, List<FieldError> errors) {
        return formPage(model, person, values, errors, "people/contact");
    }
}
