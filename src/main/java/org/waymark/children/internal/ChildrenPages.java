package org.waymark.children.internal;

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
import org.waymark.children.MashTriage;
import org.waymark.children.NewPoliceNotification;
import org.waymark.children.NotificationView;
import org.waymark.children.PoliceNotifications;
import org.waymark.children.SchoolNotifications;
import org.waymark.children.Schools;
import org.waymark.children.StrategyDiscussions;
import org.waymark.children.ThresholdOutcome;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;
import org.waymark.risk.CriminalJusticeOutcome;

/** The children's pathway pages: the officer's notification, the MASH queue and panel, strategy discussions, schools. */
@Controller
class ChildrenPages {

    static final List<String> HOUSEHOLD = List.of("parentalMentalIllHealth", "parentalSubstanceMisuse",
            "informalAgreementsBrokenDown", "adultsUnableToAcceptImpact", "contactArrangementsRisk");
    static final List<String> INCIDENT_FLAGS = List.of("otherRiskIndicators", "honourBasedViolence", "forcedMarriage",
            "victimCareAndSupportNeeds");
    static final List<String> CHILD_FLAGS = List.of("harmed", "witnessedSeriousHarm", "inViolentRelationship");

    private final PoliceNotifications notifications;
    private final MashTriage triage;
    private final StrategyDiscussions strategy;
    private final SchoolNotifications schoolNotifications;
    private final Schools schools;
    private final Agencies agencies;
    private final java.time.Clock clock;

    ChildrenPages(java.time.Clock clock, PoliceNotifications notifications, MashTriage triage, StrategyDiscussions strategy,
                  SchoolNotifications schoolNotifications, Schools schools, Agencies agencies) {
        this.notifications = notifications;
        this.triage = triage;
        this.strategy = strategy;
        this.schoolNotifications = schoolNotifications;
        this.schools = schools;
        this.agencies = agencies;
        this.clock = clock;
    }

    // ---- police notifications ---------------------------------------------------------------------

    @GetMapping("/children/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.mine());
        model.addAttribute("incidents", notifications.awaitingNotification());
        return "children/notifications";
    }

    @GetMapping("/incidents/{id}/notify-mash")
    String form(@PathVariable UUID id, Model model) {
        return form(model, notifications.notifiable(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/incidents/{id}/notify-mash")
    String submit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        PoliceNotifications.NotifiableIncident incident = notifications.notifiable(id);
        FormReader in = new FormReader(form);
        Boolean pregnant = in.requiredYesNo("victimPregnant", "Select whether the victim is pregnant");
        UUID dash = uuid(in, "riskAssessmentId", "Select the DASH from the list");
        String outcome = in.text("criminalJusticeOutcome");
        Integer mappa = in.number("perpetratorMappaLevel", 0, 3, "The MAPPA level");
        java.util.Set<String> flags = in.ticked("flags", INCIDENT_FLAGS);
        java.util.Set<String> household = in.ticked("household", HOUSEHOLD);
        List<NewPoliceNotification.ChildDetails> children = new ArrayList<>();
        for (int i = 0; i < incident.children().size(); i++) {
            String p = "child-" + i + "-";
            Boolean lives = in.requiredYesNo(p + "livesInHousehold", "Select whether "
                    + incident.children().get(i).name() + " lives in the household");
            java.util.Set<String> childFlags = in.ticked(p + "flags", CHILD_FLAGS);
            children.add(new NewPoliceNotification.ChildDetails(incident.children().get(i).personId(), lives,
                    in.text(p + "experience"), in.text(p + "demeanour", 4000, "Their demeanour"),
                    in.text(p + "risks", 4000, "The risks to them"), in.text(p + "historySeen", 4000, "What they have seen before"),
                    childFlags.contains("harmed"), childFlags.contains("witnessedSeriousHarm"),
                    childFlags.contains("inViolentRelationship"), uuid(in, p + "school", "Select the school from the list"),
                    in.text(p + "supportSuggested", 2000, "The support that may help")));
        }
        if (!in.errors.isEmpty()) {
            return form(model, incident, form, in.errors);
        }
        try {
            UUID created = notifications.submit(new NewPoliceNotification(id, dash, pregnant,
                    flags.contains("victimCareAndSupportNeeds"), mappa, outcome, flags.contains("otherRiskIndicators"),
                    flags.contains("honourBasedViolence"), flags.contains("forcedMarriage"),
                    new NewPoliceNotification.Household(household.contains("parentalMentalIllHealth"),
                            household.contains("parentalSubstanceMisuse"), household.contains("informalAgreementsBrokenDown"),
                            household.contains("adultsUnableToAcceptImpact"), household.contains("contactArrangementsRisk")),
                    children));
            redirect.addFlashAttribute("success", "The MASH has been notified");
            return "redirect:/children/notifications/" + created;
        } catch (InvalidRequestException e) {
            return form(model, incident, form, e.errors().stream().map(err -> new FieldError(pageField(err.field()),
                    err.message())).toList());
        }
    }

    /** Service fields named like children[0].risks point at the control of that child on this page. */
    static String pageField(String field) {
        if (field.startsWith("children[")) {
            int close = field.indexOf(']');
            String rest = close + 2 <= field.length() ? field.substring(close + 2) : "";
            String index = field.substring("children[".length(), close);
            return "child-" + index + "-" + (rest.isEmpty() || rest.equals("personId") ? "livesInHousehold"
                    : rest.equals("schoolAgencyId") ? "school" : rest);
        }
        return switch (field) {
            case "children", "incidentId" -> "victimPregnant";
            default -> field;
        };
    }

    private String form(Model model, PoliceNotifications.NotifiableIncident incident, MultiValueMap<String, String> values,
                        List<FieldError> errors) {
        model.addAttribute("notifiable", incident);
        model.addAttribute("schools", schools.list());
        model.addAttribute("outcomes", CriminalJusticeOutcome.values());
        model.addAttribute("values", values);
        return withErrors(model, errors, "children/new");
    }

    @GetMapping("/children/notifications/{id}")
    String notification(@PathVariable UUID id, Model model) {
        model.addAttribute("n", notifications.get(id));
        return "children/notification";
    }

    // ---- MASH triage ---------------------------------------------------------------------------------

    @GetMapping("/mash/triage")
    String queue(Model model) {
        model.addAttribute("queue", triage.queue());
        return "children/triage-queue";
    }

    @GetMapping("/mash/triage/{id}")
    String triagePage(@PathVariable UUID id, Model model) {
        return triagePage(model, notifications.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/mash/triage/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        NotificationView view = notifications.get(id);
        FormReader in = new FormReader(form);
        UUID lead = uuid(in, "leadAgencyId", "Select the lead agency from the list");
        Integer version = in.number("version", 0, Integer.MAX_VALUE, "The version");
        String rationale = in.text("rationale");
        String lower = in.text("lowerOutcomeRationale");
        if (!in.errors.isEmpty()) {
            return triagePage(model, view, form, in.errors);
        }
        try {
            triage.decide(id, new MashTriage.Decision(in.text("outcome"), lead, rationale, lower, version));
        } catch (InvalidRequestException e) {
            return triagePage(model, view, form, e.errors().stream().map(err -> err.field().equals("version")
                    ? new FieldError("outcome", err.message()) : err).toList());
        } catch (ConflictException e) {
            return triagePage(model, view, form, List.of(new FieldError("outcome", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Decision recorded");
        return "redirect:/mash/triage/" + id;
    }

    @PostMapping("/mash/triage/{id}/information-requests")
    String requestInformation(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                              RedirectAttributes redirect) {
        NotificationView view = notifications.get(id);
        FormReader in = new FormReader(form);
        UUID agency = uuid(in, "agencyId", "Select the agency from the list");
        if (agency == null && in.errors.isEmpty()) {
            in.errors.add(new FieldError("agencyId", "Select the agency"));
        }
        if (!in.errors.isEmpty()) {
            return triagePage(model, view, form, in.errors);
        }
        try {
            triage.requestInformation(id, agency);
        } catch (InvalidRequestException e) {
            return triagePage(model, view, form, e.errors());
        } catch (ConflictException e) {
            return triagePage(model, view, form, List.of(new FieldError("agencyId", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Information requested");
        return "redirect:/mash/triage/" + id;
    }

    @PostMapping("/mash/triage/{id}/information")
    String recordInformation(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                             RedirectAttributes redirect) {
        NotificationView view = notifications.get(id);
        FormReader in = new FormReader(form);
        String information = in.text("information");
        if (!in.errors.isEmpty()) {
            return triagePage(model, view, form, in.errors);
        }
        try {
            triage.recordInformation(id, information);
        } catch (InvalidRequestException e) {
            return triagePage(model, view, form, e.errors());
        }
        redirect.addFlashAttribute("success", "Your agency's information is recorded");
        return "redirect:/mash/triage/" + id;
    }

    private String triagePage(Model model, NotificationView view, MultiValueMap<String, String> values,
                              List<FieldError> errors) {
        model.addAttribute("n", view);
        model.addAttribute("outcomes", ThresholdOutcome.values());
        List<Agency> active = agencies.list().stream().filter(Agency::active)
                .filter(a -> a.type() != AgencyType.PERPETRATOR_PROGRAMME && a.type() != AgencyType.PROBATION).toList();
        model.addAttribute("agencies", active);
        model.addAttribute("values", values);
        return withErrors(model, errors, "children/triage");
    }

    // ---- strategy discussions ------------------------------------------------------------------------

    @GetMapping("/strategy-discussions/{id}")
    String strategyDiscussion(@PathVariable UUID id, Model model) {
        return strategyPage(model, strategy.get(id), new LinkedMultiValueMap<>(), List.of());
    }

    @PostMapping("/strategy-discussions/{id}")
    String recordStrategyDiscussion(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                                    RedirectAttributes redirect) {
        StrategyDiscussions.View view = strategy.get(id);
        FormReader in = new FormReader(form);
        java.time.LocalDate held = in.date("heldOn", "The date it was held", java.time.LocalDate.now(clock));
        if (held == null && in.errors.stream().noneMatch(e -> e.field().startsWith("heldOn"))) {
            in.errors.add(new FieldError("heldOn-day", "Enter the date the strategy discussion was held"));
        }
        Boolean section47 = in.requiredYesNo("section47", "Select whether a Section 47 enquiry will be made");
        Integer version = in.number("version", 0, Integer.MAX_VALUE, "The version");
        String attended = in.text("attended");
        String actions = in.text("actions");
        String notes = in.text("notes");
        if (!in.errors.isEmpty()) {
            return strategyPage(model, view, form, in.errors);
        }
        try {
            strategy.record(id, new StrategyDiscussions.Outcome(held, attended, section47, actions, notes, version));
        } catch (InvalidRequestException e) {
            return strategyPage(model, view, form, e.errors().stream().map(err -> switch (err.field()) {
                case "heldOn" -> new FieldError("heldOn-day", err.message());
                case "version" -> new FieldError("attended", err.message());
                default -> err;
            }).toList());
        } catch (ConflictException e) {
            return strategyPage(model, view, form, List.of(new FieldError("attended", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Strategy discussion recorded");
        return "redirect:/strategy-discussions/" + id;
    }

    private String strategyPage(Model model, StrategyDiscussions.View view, MultiValueMap<String, String> values,
                                List<FieldError> errors) {
        model.addAttribute("d", view);
        model.addAttribute("values", values);
        return withErrors(model, errors, "children/strategy-discussion");
    }

    // ---- schools --------------------------------------------------------------------------------------

    @GetMapping("/school-notifications")
    String schoolNotifications(Model model) {
        model.addAttribute("notices", schoolNotifications.forMySchool());
        UUID agency = org.waymark.platform.CurrentActor.require().agencyId();
        model.addAttribute("settingsHref", schools.list().stream().anyMatch(a -> a.id().equals(agency)) && schools.keeps(agency)
                ? "/schools/" + agency : null);
        return "children/school-notifications";
    }

    @GetMapping("/school-notifications/{id}")
    String schoolNotification(@PathVariable UUID id, Model model) {
        model.addAttribute("notice", schoolNotifications.get(id));
        return "children/school-notification";
    }

    @PostMapping("/school-notifications/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            schoolNotifications.acknowledge(id);
            redirect.addFlashAttribute("success", "Acknowledged: the police and the MASH can see you have read it");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("success", e.getMessage());
        }
        return "redirect:/school-notifications/" + id;
    }

    @GetMapping("/schools/{agencyId}")
    String school(@PathVariable UUID agencyId, Model model) {
        return schoolPage(model, agencyId, null, List.of());
    }

    @PostMapping("/schools/{agencyId}")
    String configureSchool(@PathVariable UUID agencyId, @RequestParam MultiValueMap<String, String> form, Model model,
                           RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        java.time.LocalTime startsAt = null;
        String time = in.text("dayStartsAt");
        try {
            startsAt = time == null ? null : java.time.LocalTime.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            in.errors.add(new FieldError("dayStartsAt", "Enter the time the school day starts, like 08:30"));
        }
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        in.ticked("schoolDays", java.util.Arrays.stream(java.time.DayOfWeek.values()).map(Enum::name).toList())
                .forEach(d -> days.add(java.time.DayOfWeek.valueOf(d)));
        if (days.isEmpty()) {
            in.errors.add(new FieldError("schoolDays", "Select at least one school day"));
        }
        UUID keyAdult = uuid(in, "keyAdultUserId", "Select the key adult from the list");
        Integer version = in.number("version", 0, Integer.MAX_VALUE, "The version");
        if (!in.errors.isEmpty()) {
            return schoolPage(model, agencyId, form, in.errors);
        }
        try {
            schools.configure(agencyId, keyAdult, startsAt, days, version == null ? -1 : version);
        } catch (InvalidRequestException e) {
            return schoolPage(model, agencyId, form, e.errors().stream().map(err -> err.field().equals("schoolDays")
                    ? new FieldError("schoolDays", err.message()) : err).toList());
        } catch (ConflictException e) {
            return schoolPage(model, agencyId, form, List.of(new FieldError("dayStartsAt", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "School settings saved");
        return "redirect:/schools/" + agencyId;
    }

    @PostMapping("/schools/{agencyId}/closures")
    String addClosure(@PathVariable UUID agencyId, @RequestParam MultiValueMap<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        java.time.LocalDate first = in.date("firstDay", "The first day", java.time.LocalDate.of(2100, 12, 31));
        java.time.LocalDate last = in.date("lastDay", "The last day", java.time.LocalDate.of(2100, 12, 31));
        String name = in.text("name", 200, "The name");
        if (!in.errors.isEmpty()) {
            return schoolPage(model, agencyId, form, in.errors);
        }
        try {
            schools.addClosure(agencyId, first, last, name);
        } catch (InvalidRequestException e) {
            return schoolPage(model, agencyId, form, e.errors().stream().map(err -> switch (err.field()) {
                case "firstDay" -> new FieldError("firstDay-day", err.message());
                case "lastDay" -> new FieldError("lastDay-day", err.message());
                default -> err;
            }).toList());
        }
        redirect.addFlashAttribute("success", "Closure added");
        return "redirect:/schools/" + agencyId;
    }

    private String schoolPage(Model model, UUID agencyId, MultiValueMap<String, String> posted, List<FieldError> errors) {
        Schools.School school = schools.get(agencyId);
        if (!schools.keeps(agencyId)) {
            // Only the school's leads and administrators keep its settings; for anyone else the page does not exist.
            throw new org.waymark.platform.NotFoundException("School");
        }
        MultiValueMap<String, String> values = posted != null ? posted : new LinkedMultiValueMap<>();
        if (posted == null) {
            values.add("dayStartsAt", school.dayStartsAt().toString());
            school.schoolDays().stream().sorted().forEach(d -> values.add("schoolDays", d.name()));
            if (school.keyAdultUserId() != null) {
                values.add("keyAdultUserId", school.keyAdultUserId().toString());
            }
        }
        model.addAttribute("school", school);
        model.addAttribute("staff", schools.staff(agencyId));
        model.addAttribute("days", java.util.Arrays.stream(java.time.DayOfWeek.values()).map(Enum::name).toList());
        model.addAttribute("dayLabels", java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)).toList());
        model.addAttribute("values", values);
        return withErrors(model, errors, "children/school");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static String withErrors(Model model, List<FieldError> errors, String view) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors);
        return view;
    }

    private static UUID uuid(FormReader in, String name, String message) {
        String value = in.text(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            in.errors.add(new FieldError(name, message));
            return null;
        }
    }
}
