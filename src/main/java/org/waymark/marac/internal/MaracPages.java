package org.waymark.marac.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.waymark.cases.Cases;
import org.waymark.marac.MaracMeetings;
import org.waymark.marac.MaracReferrals;
import org.waymark.marac.MaracReturns;
import org.waymark.marac.NewReferral;
import org.waymark.marac.ReferralView;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.people.People;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.FormReader;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.risk.AssessmentRecords;

/** The MARAC pages: dashboard, referral form and view, review, research, meeting agenda, actions. */
@Controller
class MaracPages {

    /** Rows offered on the referral form for people causing harm and household members. */
    static final int PERPETRATOR_ROWS = 2;
    static final int HOUSEHOLD_ROWS = 4;

    private final MaracReferrals referrals;
    private final MaracMeetings meetings;
    private final People people;
    private final AssessmentRecords assessments;
    private final Agencies agencies;
    private final MaracReturns returns;

    MaracPages(MaracReferrals referrals, MaracMeetings meetings, People people, AssessmentRecords assessments,
               Agencies agencies, MaracReturns returns) {
        this.returns = returns;
        this.referrals = referrals;
        this.meetings = meetings;
        this.people = people;
        this.assessments = assessments;
        this.agencies = agencies;
    }

    @GetMapping("/marac")
    String dashboard(Model model) {
        boolean coordinator = CurrentActor.require().hasRole("MARAC_COORDINATOR");
        List<MaracReferrals.ReferralLine> queue = referrals.coordinatorQueue();
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("newReferrals", queue.stream().filter(r -> r.status().equals("RECEIVED")).toList());
        model.addAttribute("listed", queue.stream().filter(r -> r.status().equals("LISTED")).toList());
        List<MaracMeetings.MeetingSummary> upcoming = meetings.upcoming();
        model.addAttribute("meetings", upcoming);
        model.addAttribute("overdue", meetings.overdueActions());
        model.addAttribute("actions", meetings.myActions());
        model.addAttribute("idvaCases", referrals.myIdvaCases());
        model.addAttribute("coordinatedAreas", meetings.coordinatedAreas());
        model.addAttribute("researchDue", upcoming.stream().filter(MaracMeetings.MeetingSummary::agendaCirculated)
                .filter(m -> m.status().equals("SCHEDULED")).toList());
        return "marac/dashboard";
    }

    // ---- an area's meeting schedule -----------------------------------------------------------------

    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

    @GetMapping("/marac/areas/{areaId}/schedule")
    String scheduleForm(@PathVariable UUID areaId, Model model) {
        var schedule = meetings.schedule(areaId);
        var s = schedule.value();
        LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("meetingWeekday", s.meetingWeekday().toString());
        values.add("meetingTime", s.meetingTime().toString());
        values.add("intervalWeeks", s.intervalWeeks().toString());
        values.add("anchorDate-day", Integer.toString(s.anchorDate().getDayOfMonth()));
        values.add("anchorDate-month", Integer.toString(s.anchorDate().getMonthValue()));
        values.add("anchorDate-year", Integer.toString(s.anchorDate().getYear()));
        values.add("caseLimit", s.caseLimit().toString());
        values.add("noticeWorkingDays", s.noticeWorkingDays().toString());
        values.add("agendaWorkingDays", s.agendaWorkingDays().toString());
        values.add("version", Integer.toString(schedule.version()));
        return schedulePage(model, areaId, s.areaName(), values, List.of());
    }

    @PostMapping("/marac/areas/{areaId}/schedule")
    String changeSchedule(@PathVariable UUID areaId, @RequestParam MultiValueMap<String, String> form, Model model,
                          RedirectAttributes redirect) {
        String areaName = meetings.schedule(areaId).value().areaName();
        FormReader in = new FormReader(form);
        Integer weekday = in.number("meetingWeekday", 1, 5, "The meeting weekday");
        java.time.LocalTime time = null;
        String timeText = in.text("meetingTime");
        try {
            time = timeText == null ? null : java.time.LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText);
        } catch (DateTimeParseException e) {
            in.errors.add(new FieldError("meetingTime", "Enter the time like 10:00"));
        }
        Integer interval = in.number("intervalWeeks", 1, 8, "Every how many weeks");
        LocalDate anchor = in.date("anchorDate", "The date of one meeting", LocalDate.of(2100, 12, 31));
        Integer limit = in.number("caseLimit", 1, 200, "The case limit");
        Integer notice = in.number("noticeWorkingDays", 0, 30, "Notice");
        Integer agenda = in.number("agendaWorkingDays", 0, 30, "The agenda's working days");
        int version = in.version();
        try {
            if (!in.errors.isEmpty()) {
                throw new InvalidRequestException(in.errors);
            }
            meetings.changeSchedule(areaId, new MaracMeetings.MeetingSchedule(areaName, weekday, time, interval, anchor,
                    limit, notice, agenda), version);
        } catch (InvalidRequestException e) {
            return schedulePage(model, areaId, areaName, form, e.errors().stream()
                    .map(err -> err.field().equals("anchorDate") ? new FieldError("anchorDate-day", err.message()) : err)
                    .toList());
        } catch (ConflictException e) {
            return schedulePage(model, areaId, areaName, form, List.of(new FieldError("meetingWeekday", e.getMessage())));
        }
        redirect.addFlashAttribute("success", "Meeting schedule of " + areaName + " changed");
        return "redirect:/marac";
    }

    private String schedulePage(Model model, UUID areaId, String areaName, MultiValueMap<String, String> values,
                                List<FieldError> errors) {
        model.addAttribute("areaId", areaId);
        model.addAttribute("areaName", areaName);
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        return "marac/schedule";
    }

    // ---- referral ----------------------------------------------------------------------------------

    @GetMapping("/marac/referrals/new")
    String referralForm(@RequestParam(required = false) UUID personId, Model model) {
        return referralPage(model, personId, List.of(), new LinkedMultiValueMap<>());
    }

    private String referralPage(Model model, UUID personId, List<FieldError> errors, MultiValueMap<String, String> values) {
        // Any agency may refer, member or not; the areas it belongs to come first.
        model.addAttribute("areas", referrals.areas());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        if (personId == null) {
            model.addAttribute("people", people.listForMyAgency());
            return "marac/choose-victim";
        }
        var victim = people.get(personId);
        model.addAttribute("victim", victim);
        model.addAttribute("dashes", assessments.completedAbout(people.samePerson(personId)).stream()
                .filter(AssessmentRecords.AssessmentSummary::ownAgency).toList());
        model.addAttribute("criteria", MaracReferrals.CRITERIA);
        model.addAttribute("lawfulBases", Cases.LAWFUL_BASES.stream().filter(b -> !b.equals("CONSENT")).toList());
        model.addAttribute("perpetratorRows", PERPETRATOR_ROWS);
        model.addAttribute("householdRows", HOUSEHOLD_ROWS);
        return "marac/referral-new";
    }

    @PostMapping("/marac/referrals/new")
    String refer(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        UUID personId = uuid(in.text("victimPersonId"), "Person");
        List<NewReferral.Party> perpetrators = new ArrayList<>();
        for (int i = 0; i < PERPETRATOR_ROWS; i++) {
            String name = in.text("perpetrator" + i + "-name", 200, "Name");
            if (name != null) {
                perpetrators.add(new NewReferral.Party(name, date(in, "perpetrator" + i + "-dob"), null, false,
                        in.number("perpetrator" + i + "-mappa", 1, 3, "MAPPA level")));
            }
        }
        List<NewReferral.Party> household = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLD_ROWS; i++) {
            String name = in.text("household" + i + "-name", 200, "Name");
            if (name != null) {
                household.add(new NewReferral.Party(name, date(in, "household" + i + "-dob"),
                        in.text("household" + i + "-kind") == null ? "CHILD" : in.text("household" + i + "-kind"), false, null));
            }
        }
        List<String> whoElseKnows = in.text("whoElseKnows") == null ? List.of()
                : in.text("whoElseKnows").lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        NewReferral request = new NewReferral(uuid(in.text("areaId"), "Area"), personId,
                in.number("victimAge", 0, 120, "Her age"), in.text("referringOfficer"), in.text("criteria"),
                uuid(in.text("assessmentId"), "Assessment"), in.text("reason"), in.yesNo("victimAware"), in.text("consent"),
                in.text("lawfulBasis"), in.text("consentRationale"), in.text("safeContact"), whoElseKnows, perpetrators,
                household, "yes".equals(in.text("pregnant")));
        try {
            if (!in.errors.isEmpty()) {
                throw new InvalidRequestException(in.errors);
            }
            UUID id = referrals.refer(request);
            redirect.addFlashAttribute("success", "Referral sent to the MARAC coordinator");
            return "redirect:/marac/referrals/" + id;
        } catch (InvalidRequestException e) {
            return referralPage(model, personId, e.errors(), form);
        }
    }

    @GetMapping("/marac/referrals/{id}")
    String referral(@PathVariable UUID id, Model model) {
        return referralView(model, referrals.get(id), List.of(), new LinkedMultiValueMap<>());
    }

    private String referralView(Model model, ReferralView view, List<FieldError> errors,
                                MultiValueMap<String, String> values) {
        model.addAttribute("view", view);
        model.addAttribute("actions", meetings.actionsOn(view.id()));
        model.addAttribute("mayReview", view.access().equals("FULL") && referrals.awaitsMyReview(view.id()));
        model.addAttribute("mayResearch", view.status().equals("LISTED") && meetings.memberFor(view.id()));
        model.addAttribute("coordinator", CurrentActor.require().hasRole("MARAC_COORDINATOR"));
        model.addAttribute("agencies", agencies.list().stream().filter(Agency::active).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        return "marac/referral";
    }

    @PostMapping("/marac/referrals/{id}/review")
    String review(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            ReferralView view = referrals.review(id, in.text("immediateAction"));
            redirect.addFlashAttribute("success", view.meetingDate() == null ? "Review recorded"
                    : "Review recorded. The case is listed at the MARAC on " + view.meetingDate());
        } catch (InvalidRequestException e) {
            return referralView(model, referrals.get(id), e.errors(), form);
        } catch (ConflictException e) {
            return referralView(model, referrals.get(id), List.of(new FieldError("immediateAction", e.getMessage())), form);
        }
        return "redirect:/marac/referrals/" + id;
    }

    @PostMapping("/marac/referrals/{id}/research")
    String research(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                    RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            meetings.recordResearch(id, in.text("known"), in.text("involvement"));
        } catch (InvalidRequestException e) {
            return referralView(model, referrals.get(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "Research recorded");
        return "redirect:/marac/referrals/" + id;
    }

    @PostMapping("/marac/referrals/{id}/actions")
    String addAction(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                     RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            meetings.addAction(id, uuidOrNull(in.text("owningAgencyId")), in.text("ownerName"), in.text("description"),
                    date(in, "dueDate"));
        } catch (InvalidRequestException e) {
            return referralView(model, referrals.get(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "Action added to the plan");
        return "redirect:/marac/referrals/" + id;
    }

    @PostMapping("/marac/referrals/{id}/discussion")
    String discussion(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            meetings.recordDiscussion(id, in.text("notes"), in.text("risks"), in.text("outcome"), date(in, "reviewDate"));
        } catch (InvalidRequestException e) {
            return referralView(model, referrals.get(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "Discussion and outcome recorded");
        return "redirect:/marac/referrals/" + id;
    }

    // ---- meetings and actions ----------------------------------------------------------------------

    @GetMapping("/marac/meetings/{id}")
    String meeting(@PathVariable UUID id, Model model) {
        return meetingPage(model, meetings.agenda(id), List.of(), new LinkedMultiValueMap<>());
    }

    private String meetingPage(Model model, MaracMeetings.Agenda agenda, List<FieldError> errors,
                               MultiValueMap<String, String> values) {
        model.addAttribute("agenda", agenda);
        model.addAttribute("coordinator", CurrentActor.require().hasRole("MARAC_COORDINATOR"));
        model.addAttribute("agencies", agencies.list().stream().filter(Agency::active).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        model.addAttribute("values", values);
        return "marac/meeting";
    }

    @PostMapping("/marac/meetings/{id}/circulate")
    String circulate(@PathVariable UUID id, RedirectAttributes redirect) {
        meetings.circulateAgenda(id);
        redirect.addFlashAttribute("success", "Agenda circulated to the member agencies");
        return "redirect:/marac/meetings/" + id;
    }

    @PostMapping("/marac/meetings/{id}/attendance")
    String attendance(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormReader in = new FormReader(form);
        try {
            meetings.recordAttendance(id, uuidOrNull(in.text("agencyId")), in.text("attendee"));
        } catch (InvalidRequestException e) {
            return meetingPage(model, meetings.agenda(id), e.errors(), form);
        }
        redirect.addFlashAttribute("success", "Attendance recorded");
        return "redirect:/marac/meetings/" + id;
    }

    @PostMapping("/marac/actions/{id}/done")
    String done(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            meetings.completeAction(id, new FormReader(form).version());
            redirect.addFlashAttribute("success", "Action marked done");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("success", e.getMessage());
        }
        return "redirect:/marac";
    }

    // ---- the data return ----------------------------------------------------------------------------

    @GetMapping("/marac/returns")
    String dataReturn(@RequestParam(required = false) UUID areaId, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) Integer quarter, Model model) {
        LocalDate today = LocalDate.now(org.waymark.platform.WorkingCalendar.LONDON);
        int y = year == null ? today.getYear() : year;
        int q = quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : quarter;
        model.addAttribute("areas", referrals.areas().stream().filter(MaracReferrals.Area::member).toList());
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("areaId", areaId);
        if (areaId != null) {
            LocalDate[] period = MaracReturns.quarter(y, q);
            model.addAttribute("result", returns.dataReturn(areaId, period[0], period[1]));
        }
        return "marac/return";
    }

    @GetMapping(value = "/marac/returns.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> dataReturnCsv(@RequestParam UUID areaId, @RequestParam int year,
                                                                  @RequestParam int quarter) {
        LocalDate[] period = MaracReturns.quarter(year, quarter);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"marac-return-%d-q%d.csv\"".formatted(year, quarter))
                .body(returns.csv(returns.dataReturn(areaId, period[0], period[1])));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** A GOV.UK date input; a date that cannot be read is left for the service to refuse with its own message. */
    private static LocalDate date(FormReader in, String name) {
        String day = in.text(name + "-day");
        String month = in.text(name + "-month");
        String year = in.text(name + "-year");
        if (day == null || month == null || year == null) {
            return null;
        }
        try {
            return LocalDate.parse("%04d-%02d-%02d".formatted(Integer.parseInt(year), Integer.parseInt(month),
                    Integer.parseInt(day)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> fieldErrors(List<FieldError> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        return fieldErrors;
    }

    private static UUID uuid(String value, String what) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what);
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
