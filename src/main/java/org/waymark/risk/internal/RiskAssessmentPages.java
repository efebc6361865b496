package org.waymark.risk.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.risk.Answer;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.Instrument;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.InstrumentScoring;
import org.waymark.risk.ProcedureRules;
import org.waymark.risk.RiskLevel;
import org.waymark.risk.Severity;

/**
 * The DASH risk assessment in GOV.UK pages: a task list, a few questions per page (each page saves
 * and returns), check your answers, the result with every recommended action explained, and the
 * practitioner's decision on each (a rationale is required to decline one the procedures require).
 */
@Controller
@RequestMapping("/risk-assessments")
class RiskAssessmentPages {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma");

    private final RiskAssessmentService assessments;
    private final ProcedureRules rules;
    private final Clock clock;
    private final org.waymark.people.People people;
    private final org.waymark.incidents.Incidents incidents;

    RiskAssessmentPages(RiskAssessmentService assessments, ProcedureRules rules, Clock clock,
                        org.waymark.people.People people, org.waymark.incidents.Incidents incidents) {
        this.people = people;
        this.incidents = incidents;
        this.assessments = assessments;
        this.rules = rules;
        this.clock = clock;
    }

    // ---- list and start -----------------------------------------------------------------------

    @GetMapping
    String list(Model model) {
        model.addAttribute("assessments", assessments.listForMyAgency());
        return "risk/list";
    }

    @GetMapping("/new")
    String startForm(@RequestParam(name = "person", required = false) UUID person,
                     @RequestParam(name = "incident", required = false) UUID incident, Model model) {
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        if (person != null) {
            values.add("personId", person.toString());
            values.add("victimReference", people.get(person).displayName());
        }
        if (incident != null) {
            values.add("incidentId", incidents.get(incident).id().toString());
        }
        return startPage(model, values, List.of());
    }

    @PostMapping("/new")
    String start(@RequestParam MultiValueMap<String, String> form, Model model) {
        try {
            String person = form.getFirst("personId");
            UUID personId = null;
            if (person != null && !person.isBlank()) {
                try {
                    personId = UUID.fromString(person);
                } catch (IllegalArgumentException e) {
                    throw new NotFoundException("Person");
                }
            }
            String incident = form.getFirst("incidentId");
            UUID incidentId = null;
            if (incident != null && !incident.isBlank()) {
                try {
                    incidentId = UUID.fromString(incident);
                } catch (IllegalArgumentException e) {
                    throw new NotFoundException("Incident");
                }
            }
            UUID id = assessments.start(form.getFirst("victimReference"), personId, incidentId);
            return "redirect:/risk-assessments/" + id;
        } catch (InvalidRequestException e) {
            return startPage(model, form, e.errors());
        }
    }

    private String startPage(Model model, MultiValueMap<String, String> values, List<FieldError> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("profileName", rules.profile(rules.defaultProfile()).name());
        return "risk/start";
    }

    // ---- task list ----------------------------------------------------------------------------

    record Task(String id, String title, String href, String status, String hint) {
    }

    @GetMapping("/{id}")
    String taskList(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        if (assessment.completed()) {
            return "redirect:/risk-assessments/" + id + "/result";
        }
        Instrument dash = assessments.instrument(assessment);
        AssessmentFacts facts = assessment.facts();
        String base = "/risk-assessments/" + id;
        List<Task> about = List.of(
                task("people", "Victim and person causing harm", base + "/people", facts, null),
                task("children", "Children and household", base + "/children", facts, null),
                task("incident", "The incident and its history", base + "/incident", facts, null));
        List<Task> checklist = new ArrayList<>();
        for (Instrument.Section section : dash.sections()) {
            long answered = dash.questionsIn(section.id()).stream()
                    .filter(q -> assessment.answers().containsKey(Integer.toString(q.number()))).count();
            int total = dash.questionsIn(section.id()).size();
            String status = answered == 0 ? "Not started" : answered < total ? "In progress" : "Completed";
            checklist.add(new Task("dash-" + section.id(), section.title(), base + "/dash/" + section.id(), status,
                    answered + " of " + total + " answered"));
        }
        var score = InstrumentScoring.score(dash, answers(assessment));
        List<Task> supplements = new ArrayList<>();
        rules.instruments().latest(InstrumentCatalogue.S_DASH).ifPresent(sdash -> {
            if (score.supplementsNeeded().contains(InstrumentCatalogue.S_DASH)) {
                supplements.add(task("s-dash", sdash.title(), base + "/supplement/s-dash", facts,
                        "Needed: the answer to question 8 was yes"));
            }
        });
        boolean hbvNeeded = score.supplementsNeeded().contains("hbv");
        boolean hbvLoaded = rules.instruments().latest("hbv").isPresent();
        if (hbvNeeded && hbvLoaded) {
            supplements.add(task("hbv", rules.instruments().latest("hbv").get().title(), base + "/supplement/hbv",
                    facts, "Needed: isolation or fear of other people was reported"));
        }
        List<Task> judgement = new ArrayList<>();
        if (!facts.children.isEmpty() || Boolean.TRUE.equals(facts.victimPregnant)) {
            judgement.add(task("matrix", "Children's risk matrix (scale 1 to 4)", base + "/matrix", facts, null));
        }
        judgement.add(task("judgement", "Your professional judgement", base + "/judgement", facts, null));
        model.addAttribute("assessment", assessment);
        model.addAttribute("about", about);
        model.addAttribute("checklist", checklist);
        model.addAttribute("supplements", supplements);
        model.addAttribute("judgementTasks", judgement);
        model.addAttribute("hbvNeededNotLoaded", hbvNeeded && !hbvLoaded);
        model.addAttribute("yesCount", score.yesCount());
        return "risk/task-list";
    }

    private static Task task(String id, String title, String href, AssessmentFacts facts, String hint) {
        return new Task(id, title, href, facts.sectionsDone.contains(id) ? "Completed" : "Not started", hint);
    }

    // ---- about the people ---------------------------------------------------------------------

    @GetMapping("/{id}/people")
    String people(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        return page(model, assessment, "risk/people", valuesOf(assessment), List.of());
    }

    @PostMapping("/{id}/people")
    String savePeople(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        Integer victimAge = in.number("victimAgeYears", 0, 120, "The victim's age");
        Boolean pregnant = in.yesNo("victimPregnant");
        Boolean careNeeds = in.yesNo("victimCareAndSupportNeeds");
        Integer perpetratorAge = in.number("perpetratorAgeYears", 0, 120, "The age of the person causing harm");
        Integer mappa = in.number("perpetratorMappaLevel", 0, 3, "The MAPPA level");
        return save(id, form, in, model, "risk/people", "people", facts -> {
            facts.victimAgeYears = victimAge;
            facts.victimPregnant = pregnant;
            facts.victimCareAndSupportNeeds = careNeeds;
            facts.perpetratorAgeYears = perpetratorAge;
            facts.perpetratorMappaLevel = mappa;
        });
    }

    // ---- children -----------------------------------------------------------------------------

    @GetMapping("/{id}/children")
    String children(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        return page(model, assessment, "risk/children", valuesOf(assessment), List.of());
    }

    @PostMapping("/{id}/children/add")
    String addChild(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        AssessmentFacts.ChildEntry child = new AssessmentFacts.ChildEntry();
        child.name = in.text("childName", 100, "The child's name or initials");
        child.unborn = "yes".equals(in.text("childUnborn"));
        child.ageYears = in.number("childAgeYears", 0, 17, "The child's age");
        if (!child.unborn && child.ageYears == null && in.errors.stream().noneMatch(e -> e.field().equals("childAgeYears"))) {
            in.errors.add(new FieldError("childAgeYears", "Enter the child's age in years (0 for a baby under 1), or tick unborn"));
        }
        if (child.name == null && in.errors.stream().noneMatch(e -> e.field().equals("childName"))) {
            in.errors.add(new FieldError("childName", "Enter the child's first name or initials"));
        }
        java.util.Set<String> flags = in.ticked("childFlags", List.of("livesInHousehold", "experiencedIncident", "harmed",
                "witnessedSeriousHarm", "inViolentRelationship", "attendsSchoolOrNursery", "specialNeeds"));
        child.livesInHousehold = child.unborn || flags.contains("livesInHousehold");
        child.experiencedIncident = flags.contains("experiencedIncident");
        child.harmed = flags.contains("harmed");
        child.witnessedSeriousHarm = flags.contains("witnessedSeriousHarm");
        child.inViolentRelationship = flags.contains("inViolentRelationship");
        child.attendsSchoolOrNursery = flags.contains("attendsSchoolOrNursery");
        child.specialNeeds = flags.contains("specialNeeds");
        if (!in.errors.isEmpty()) {
            // Show the household ticks as saved, with the child as typed.
            RiskAssessment assessment = assessments.get(id);
            MultiValueMap<String, String> values = valuesOf(assessment);
            values.remove("version");
            values.addAll(form);
            return page(model, assessment, "risk/children", values, in.errors);
        }
        try {
            assessments.updateFacts(id, in.version(), "children-added", facts -> facts.children.add(child));
        } catch (ConflictException e) {
            return conflict(id, form, model, "risk/children", e);
        }
        return "redirect:/risk-assessments/" + id + "/children";
    }

    @PostMapping("/{id}/children/{index}/remove")
    String removeChild(@PathVariable UUID id, @PathVariable int index,
                       @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        try {
            assessments.updateFacts(id, in.version(), "children-added", facts -> {
                if (index < 0 || index >= facts.children.size()) {
                    throw new NotFoundException("Child");
                }
                facts.children.remove(index);
            });
        } catch (ConflictException e) {
            return conflict(id, form, model, "risk/children", e);
        }
        return "redirect:/risk-assessments/" + id + "/children";
    }

    @PostMapping("/{id}/children")
    String childrenDone(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        var factors = in.ticked("householdFactors", AssessmentFacts.HOUSEHOLD_FACTORS);
        return save(id, form, in, model, "risk/children", "children", facts -> facts.householdFactors = factors);
    }

    // ---- the incident ------------------------------------------------------------------------

    @GetMapping("/{id}/incident")
    String incident(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        MultiValueMap<String, String> values = valuesOf(assessment);
        var derived = assessments.derivedFacts(assessment);
        model.addAttribute("derived", derived);
        if (derived != null && !assessment.facts().sectionsDone.contains("incident")) {
            // Prefilled from every agency's linked records; the practitioner can add what they know.
            values.set("policeCalloutsLast12Months", Integer.toString(derived.policeCalloutsLast12Months()));
            values.set("dvaIncidentsLast12Months", Integer.toString(derived.dvaIncidentsLast12Months()));
            if (derived.escalating()) {
                values.add("incidentIndicators", "escalating");
            }
        }
        return page(model, assessment, "risk/incident", values, List.of());
    }

    @PostMapping("/{id}/incident")
    String saveIncident(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        LocalDate date = in.date("incidentDate", "The date of the incident", LocalDate.now(clock));
        Severity severity = in.choice("severity", Severity.class, "Select how serious the incident was");
        var indicators = in.ticked("incidentIndicators", AssessmentFacts.INCIDENT_INDICATORS);
        CriminalJusticeOutcome outcome = in.choice("criminalJusticeOutcome", CriminalJusticeOutcome.class,
                "Select the criminal justice outcome from the list");
        Integer callouts = in.number("policeCalloutsLast12Months", 0, 500, "Police call-outs in the last 12 months");
        Integer incidents = in.number("dvaIncidentsLast12Months", 0, 500, "Domestic abuse incidents in the last 12 months");
        Integer months = in.number("monthsSinceLastMaracReferral", 0, 600, "Months since the last MARAC referral");
        Boolean police = in.yesNo("completedByPolice");
        if (callouts != null && incidents != null && incidents < callouts) {
            in.errors.add(new FieldError("dvaIncidentsLast12Months",
                    "Incidents in the last 12 months must include every police call-out (at least " + callouts + ")"));
        }
        return save(id, form, in, model, "risk/incident", "incident", facts -> {
            facts.incidentDate = date;
            facts.severity = severity;
            facts.incidentIndicators = indicators;
            facts.criminalJusticeOutcome = outcome;
            facts.policeCalloutsLast12Months = callouts;
            facts.dvaIncidentsLast12Months = incidents;
            facts.monthsSinceLastMaracReferral = months;
            facts.completedByPolice = police;
        });
    }

    // ---- checklist questions ------------------------------------------------------------------

    @GetMapping("/{id}/dash/{section}")
    String dashSection(@PathVariable UUID id, @PathVariable String section, Model model) {
        RiskAssessment assessment = assessments.get(id);
        Instrument dash = assessments.instrument(assessment);
        List<Instrument.Question> questions = dash.questionsIn(section);
        if (questions.isEmpty()) {
            throw new NotFoundException("Section");
        }
        return questionsPage(model, assessment, dash, section, questions, answerValues(assessment.answers()), List.of());
    }

    @PostMapping("/{id}/dash/{section}")
    String saveDashSection(@PathVariable UUID id, @PathVariable String section,
                           @RequestParam MultiValueMap<String, String> form, Model model) {
        RiskAssessment assessment = assessments.get(id);
        Instrument dash = assessments.instrument(assessment);
        List<Instrument.Question> questions = dash.questionsIn(section);
        if (questions.isEmpty()) {
            throw new NotFoundException("Section");
        }
        return saveQuestions(id, assessment, dash, "dash-" + section, section, questions, form, model);
    }

    @GetMapping("/{id}/supplement/{instrumentId}")
    String supplement(@PathVariable UUID id, @PathVariable String instrumentId, Model model) {
        RiskAssessment assessment = assessments.get(id);
        Instrument instrument = checklist(instrumentId);
        return questionsPage(model, assessment, instrument, null, instrument.questions(),
                answerValues(assessment.supplements().getOrDefault(instrumentId, Map.of())), List.of());
    }

    @PostMapping("/{id}/supplement/{instrumentId}")
    String saveSupplement(@PathVariable UUID id, @PathVariable String instrumentId,
                          @RequestParam MultiValueMap<String, String> form, Model model) {
        RiskAssessment assessment = assessments.get(id);
        Instrument instrument = checklist(instrumentId);
        return saveQuestions(id, assessment, instrument, instrumentId, null, instrument.questions(), form, model);
    }

    private Instrument checklist(String instrumentId) {
        Instrument instrument = rules.instruments().latest(instrumentId)
                .orElseThrow(() -> new NotFoundException("Instrument"));
        if (instrument.kind() != Instrument.Kind.CHECKLIST || instrumentId.equals(InstrumentCatalogue.DASH_RIC)) {
            throw new NotFoundException("Instrument");
        }
        return instrument;
    }

    private String saveQuestions(UUID id, RiskAssessment assessment, Instrument instrument, String sectionDone,
                                 String section, List<Instrument.Question> questions,
                                 MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        Map<String, StoredAnswer> answers = new LinkedHashMap<>();
        for (Instrument.Question question : questions) {
            String name = "q" + question.number();
            String value = in.text(name);
            String detail = in.text(name + "-detail", 2000, "Details for question " + question.number());
            String source = in.text(name + "-source", 200, "The source for question " + question.number());
            if (value == null) {
                continue;
            }
            try {
                answers.put(Integer.toString(question.number()), new StoredAnswer(Answer.valueOf(value).name(), detail, source));
            } catch (IllegalArgumentException e) {
                in.errors.add(new FieldError(name, "Select yes, no or not known"));
            }
        }
        if (!in.errors.isEmpty()) {
            return questionsPage(model, assessment, instrument, section, questions, form, in.errors);
        }
        try {
            assessments.saveAnswers(id, in.version(), instrument.id(), sectionDone, answers);
        } catch (ConflictException e) {
            return questionsPage(model, assessment, instrument, section, questions, form,
                    List.of(new FieldError("main-content", e.getMessage())));
        }
        return "redirect:/risk-assessments/" + id;
    }

    private String questionsPage(Model model, RiskAssessment assessment, Instrument instrument, String section,
                                 List<Instrument.Question> questions, MultiValueMap<String, String> values,
                                 List<FieldError> errors) {
        model.addAttribute("instrument", instrument);
        model.addAttribute("section", section == null ? null : instrument.sections().stream()
                .filter(s -> s.id().equals(section)).findFirst().orElse(null));
        model.addAttribute("questions", questions);
        model.addAttribute("action", section == null
                ? "/risk-assessments/" + assessment.id() + "/supplement/" + instrument.id()
                : "/risk-assessments/" + assessment.id() + "/dash/" + section);
        return page(model, assessment, "risk/questions", values, errors);
    }

    // ---- children's matrix and professional judgement ----------------------------------------

    @GetMapping("/{id}/matrix")
    String matrix(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        return matrixPage(model, assessment, valuesOf(assessment), List.of());
    }

    @PostMapping("/{id}/matrix")
    String saveMatrix(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        Integer scale = in.number("dvrimScale", 1, 4, "The scale");
        String rationale = in.text("dvrimRationale", 4000, "Your reasons");
        if (scale != null && rationale == null) {
            in.errors.add(new FieldError("dvrimRationale", "Give your reasons for the scale you chose"));
        }
        if (!in.errors.isEmpty()) {
            return matrixPage(model, assessments.get(id), form, in.errors);
        }
        try {
            assessments.updateFacts(id, in.version(), "matrix", facts -> {
                facts.dvrimScale = scale;
                facts.dvrimRationale = rationale;
            });
        } catch (ConflictException e) {
            return matrixPage(model, assessments.get(id), form, List.of(new FieldError("main-content", e.getMessage())));
        }
        return "redirect:/risk-assessments/" + id;
    }

    private String matrixPage(Model model, RiskAssessment assessment, MultiValueMap<String, String> values,
                              List<FieldError> errors) {
        Instrument dvrim = rules.instruments().latest(InstrumentCatalogue.DVRIM).orElseThrow();
        model.addAttribute("dvrim", dvrim);
        boolean vulnerableChild = assessment.facts().children.stream().anyMatch(c ->
                Boolean.TRUE.equals(c.unborn) || Boolean.TRUE.equals(c.specialNeeds)
                        || (c.ageYears != null && dvrim.uplift() != null && dvrim.uplift().underAgeYears() != null
                        && c.ageYears < dvrim.uplift().underAgeYears()));
        model.addAttribute("vulnerableChild", vulnerableChild || Boolean.TRUE.equals(assessment.facts().victimPregnant));
        return page(model, assessment, "risk/matrix", values, errors);
    }

    @GetMapping("/{id}/judgement")
    String judgement(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        return page(model, assessment, "risk/judgement", valuesOf(assessment), List.of());
    }

    @PostMapping("/{id}/judgement")
    String saveJudgement(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        String level = in.text("assessedRiskLevel");
        RiskLevel assessed = null;
        if (level == null) {
            in.errors.add(new FieldError("assessedRiskLevel", "Select the level of risk you judge, or 'Use the checklist score'"));
        } else if (!level.equals("FROM_SCORE")) {
            assessed = in.choice("assessedRiskLevel", RiskLevel.class, "Select a level of risk from the list");
        }
        Boolean concern = in.requiredYesNo("professionalJudgementSeriousConcern",
                "Say whether you have serious concerns about the victim's safety");
        String concerns = in.text("professionalJudgementConcerns", 4000, "Your concerns");
        if (Boolean.TRUE.equals(concern) && concerns == null) {
            in.errors.add(new FieldError("professionalJudgementConcerns", "Describe your concerns: a referral on professional judgement must state them"));
        }
        Boolean consents = in.yesNo("victimConsentsToSpocReferral");
        RiskLevel finalLevel = assessed;
        return save(id, form, in, model, "risk/judgement", "judgement", facts -> {
            facts.assessedRiskLevel = finalLevel;
            facts.professionalJudgementSeriousConcern = concern;
            facts.professionalJudgementConcerns = Boolean.TRUE.equals(concern) ? concerns : null;
            facts.victimConsentsToSpocReferral = consents;
        });
    }

    // ---- check answers, complete, result -------------------------------------------------------

    @GetMapping("/{id}/check")
    String check(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        if (assessment.completed()) {
            return "redirect:/risk-assessments/" + id + "/result";
        }
        return checkPage(model, assessment, assessments.readiness(assessment));
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        FormReader in = new FormReader(form);
        try {
            assessments.complete(id, in.version());
        } catch (InvalidRequestException e) {
            return checkPage(model, assessments.get(id), e.errors());
        } catch (ConflictException e) {
            return checkPage(model, assessments.get(id), List.of(new FieldError("main-content", e.getMessage())));
        }
        return "redirect:/risk-assessments/" + id + "/result";
    }

    private String checkPage(Model model, RiskAssessment assessment, List<FieldError> problems) {
        Instrument dash = assessments.instrument(assessment);
        model.addAttribute("dash", dash);
        model.addAttribute("score", InstrumentScoring.score(dash, answers(assessment)));
        return page(model, assessment, "risk/check", valuesOf(assessment), problems);
    }

    record ActionView(String key, String code, String description, List<String> reasons, List<String> rules,
                      String source, Integer childIndex, String childName, boolean rationaleRequired,
                      String decision, String rationale) {
    }

    @GetMapping("/{id}/result")
    String result(@PathVariable UUID id, Model model) {
        RiskAssessment assessment = assessments.get(id);
        if (!assessment.completed()) {
            return "redirect:/risk-assessments/" + id + "/check";
        }
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("decisionsSeen", Long.toString(assessments.decisionCount(id)));
        for (RiskAssessmentService.RecordedDecision d : assessments.decisions(id)) {
            String key = RiskAssessmentService.key(d.actionCode(), d.childIndex());
            values.add("decision-" + key, d.decision());
            if (d.rationale() != null) {
                values.add("rationale-" + key, d.rationale());
            }
        }
        return resultPage(model, assessment, values, List.of());
    }

    @PostMapping("/{id}/decisions")
    String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        RiskAssessment assessment = assessments.get(id);
        if (!assessment.completed()) {
            return "redirect:/risk-assessments/" + id + "/check";
        }
        List<RiskAssessmentService.Decision> decisions = new ArrayList<>();
        {
            for (EvaluationResponse.Action action : assessment.result().evaluation().actions()) {
                int child = action.childIndex() == null ? -1 : action.childIndex();
                String key = RiskAssessmentService.key(action.code(), child);
                decisions.add(new RiskAssessmentService.Decision(action.code(), child, form.getFirst("decision-" + key),
                        form.getFirst("rationale-" + key)));
            }
        }
        try {
            String seen = form.getFirst("decisionsSeen");
            assessments.recordDecisions(id, seen == null || !seen.matches("\\d{1,9}") ? -1 : Long.parseLong(seen), decisions);
        } catch (InvalidRequestException e) {
            return resultPage(model, assessment, form, e.errors());
        } catch (ConflictException e) {
            LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>(form);
            values.set("decisionsSeen", Long.toString(assessments.decisionCount(id)));
            return resultPage(model, assessment, values, List.of(new FieldError("main-content", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Your decisions have been recorded");
        return "redirect:/risk-assessments/" + id + "/result";
    }

    private String resultPage(Model model, RiskAssessment assessment, MultiValueMap<String, String> values,
                              List<FieldError> errors) {
        List<ActionView> actions = new ArrayList<>();
        for (EvaluationResponse.Action action : assessment.result().evaluation().actions()) {
            int child = action.childIndex() == null ? -1 : action.childIndex();
            String key = RiskAssessmentService.key(action.code(), child);
            String childName = child >= 0 && child < assessment.facts().children.size()
                    ? assessment.facts().children.get(child).name : null;
            StoredResult result = assessment.result();
            actions.add(new ActionView(key, action.code(), result.describe(action.code()),
                    action.reasons().stream().map(result::describe).toList(),
                    action.rules(), action.source(), action.childIndex(), childName,
                    RiskAssessmentService.requiresRationale(action.code()),
                    values.getFirst("decision-" + key), values.getFirst("rationale-" + key)));
        }
        model.addAttribute("actions", actions);
        model.addAttribute("maracCriteria", assessment.result().evaluation().maracCriteria().stream()
                .map(assessment.result()::describe).toList());
        model.addAttribute("profileName", assessment.result().profileName() == null
                ? assessment.result().evaluation().profile() : assessment.result().profileName());
        model.addAttribute("completedAt", assessment.completedAt() == null ? ""
                : WHEN.format(assessment.completedAt().atZone(LONDON)).replace("AM", "am").replace("PM", "pm"));
        return page(model, assessment, "risk/result", values, errors);
    }

    // ---- shared -----------------------------------------------------------------------------

    private String save(UUID id, MultiValueMap<String, String> form, FormReader in, Model model, String view,
                        String section, java.util.function.Consumer<AssessmentFacts> change) {
        int version = in.version();
        if (!in.errors.isEmpty()) {
            return page(model, assessments.get(id), view, form, in.errors);
        }
        try {
            assessments.updateFacts(id, version, section, change);
        } catch (ConflictException e) {
            return conflict(id, form, model, view, e);
        }
        return "redirect:/risk-assessments/" + id;
    }

    private String conflict(UUID id, MultiValueMap<String, String> form, Model model, String view, ConflictException e) {
        return page(model, assessments.get(id), view, form, List.of(new FieldError("main-content", e.getMessage())));
    }

    private String page(Model model, RiskAssessment assessment, String view, MultiValueMap<String, String> values,
                        List<FieldError> errors) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("answerChoices", List.of(Answer.YES, Answer.NO, Answer.NOT_KNOWN));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("outcomes", CriminalJusticeOutcome.values());
        model.addAttribute("labels", Labels.INSTANCE);
        return view;
    }

    private static Map<Integer, Answer> answers(RiskAssessment assessment) {
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        assessment.answers().forEach((n, a) -> answers.put(Integer.valueOf(n), Answer.valueOf(a.answer())));
        return answers;
    }

    private static MultiValueMap<String, String> answerValues(Map<String, StoredAnswer> answers) {
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        answers.forEach((number, answer) -> {
            values.add("q" + number, answer.answer());
            if (answer.detail() != null) {
                values.add("q" + number + "-detail", answer.detail());
            }
            if (answer.source() != null) {
                values.add("q" + number + "-source", answer.source());
            }
        });
        return values;
    }

    /** The stored facts as form values, so every page shows what was saved. */
    private static MultiValueMap<String, String> valuesOf(RiskAssessment assessment) {
        AssessmentFacts f = assessment.facts();
        LinkedMultiValueMap<String, String> v = new LinkedMultiValueMap<>();
        v.add("version", Integer.toString(assessment.version()));
        put(v, "victimAgeYears", f.victimAgeYears);
        put(v, "victimPregnant", yesNo(f.victimPregnant));
        put(v, "victimCareAndSupportNeeds", yesNo(f.victimCareAndSupportNeeds));
        put(v, "perpetratorAgeYears", f.perpetratorAgeYears);
        put(v, "perpetratorMappaLevel", f.perpetratorMappaLevel);
        if (f.incidentDate != null) {
            v.add("incidentDate-day", Integer.toString(f.incidentDate.getDayOfMonth()));
            v.add("incidentDate-month", Integer.toString(f.incidentDate.getMonthValue()));
            v.add("incidentDate-year", Integer.toString(f.incidentDate.getYear()));
        }
        put(v, "severity", f.severity);
        f.incidentIndicators.forEach(i -> v.add("incidentIndicators", i));
        put(v, "criminalJusticeOutcome", f.criminalJusticeOutcome);
        put(v, "policeCalloutsLast12Months", f.policeCalloutsLast12Months);
        put(v, "dvaIncidentsLast12Months", f.dvaIncidentsLast12Months);
        put(v, "monthsSinceLastMaracReferral", f.monthsSinceLastMaracReferral);
        put(v, "completedByPolice", yesNo(f.completedByPolice));
        f.householdFactors.forEach(h -> v.add("householdFactors", h));
        if (f.sectionsDone.contains("judgement")) {
            put(v, "assessedRiskLevel", f.assessedRiskLevel == null ? "FROM_SCORE" : f.assessedRiskLevel.name());
        }
        put(v, "professionalJudgementSeriousConcern", yesNo(f.professionalJudgementSeriousConcern));
        put(v, "professionalJudgementConcerns", f.professionalJudgementConcerns);
        put(v, "victimConsentsToSpocReferral", yesNo(f.victimConsentsToSpocReferral));
        put(v, "dvrimScale", f.dvrimScale);
        put(v, "dvrimRationale", f.dvrimRationale);
        return v;
    }

    private static void put(MultiValueMap<String, String> values, String name, Object value) {
        if (value != null) {
            values.add(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }
}
