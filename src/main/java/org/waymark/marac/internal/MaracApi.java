package org.waymark.marac.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.marac.MaracMeetings;
import org.waymark.marac.MaracReferrals;
import org.waymark.marac.MaracReturns;
import org.waymark.marac.NewReferral;
import org.waymark.marac.ReferralView;
import org.waymark.platform.StrictJsonBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "MARAC", description = "Referrals, reviews, meetings, agenda, research, action plans")
class MaracApi {

    record Review(String immediateAction) {
    }

    record CancelledDate(LocalDate date) {
    }

    record ResearchRequest(String known, String involvement) {
    }

    record Attendance(UUID agencyId, String attendee) {
    }

    record Discussion(String notes, String risks, String outcome, LocalDate reviewDate) {
    }

    record NewAction(UUID owningAgencyId, String ownerName, String description, LocalDate dueDate) {
    }

    record Version(Integer version) {
    }

    record Expectation(UUID agencyId, Integer perYear) {
    }

    private final MaracReferrals referrals;
    private final MaracMeetings meetings;
    private final MaracReturns returns;
    private final StrictJsonBinding binding;

    MaracApi(MaracReferrals referrals, MaracMeetings meetings, MaracReturns returns, JsonMapper json) {
        this.referrals = referrals;
        this.meetings = meetings;
        this.returns = returns;
        this.binding = new StrictJsonBinding(json, Map.of(NewReferral.Party.class, 20, String.class, 20, UUID.class, 50));
    }

    private <T extends Record> T bind(JsonNode body, Class<T> type) {
        return binding.bindOrRefuse(body, type);
    }

    @GetMapping("/api/v1/marac/areas")
    @Operation(summary = "MARAC areas, those your agency is a member of first")
    List<MaracReferrals.Area> areas() {
        return referrals.areas();
    }

    @PostMapping("/api/v1/marac/areas")
    @Operation(summary = "Set up a MARAC area (its coordinator or an administrator): meeting weekday 1-5 (default 2,"
            + " Tuesday), time (10:00), every N weeks (1), case limit (20), notice and agenda working days (5)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = MaracMeetings.AreaSettings.class))))
    ResponseEntity<Map<String, UUID>> createArea(@RequestBody JsonNode body) {
        UUID id = meetings.createArea(bind(body, MaracMeetings.AreaSettings.class));
        return ResponseEntity.status(201).body(Map.of("areaId", id));
    }

    @GetMapping("/api/v1/marac/areas/{areaId}/schedule")
    @Operation(summary = "When the area meets (its coordinator or an administrator). The ETag is the version to send"
            + " back in If-Match when changing it")
    ResponseEntity<MaracMeetings.MeetingSchedule> schedule(@PathVariable UUID areaId) {
        var schedule = meetings.schedule(areaId);
        return ResponseEntity.ok().eTag("\"" + schedule.version() + "\"").body(schedule.value());
    }

    @PutMapping("/api/v1/marac/areas/{areaId}/schedule")
    @Operation(summary = "Change when the area meets: weekday 1-5, time, every N weeks, the date of one meeting on the"
            + " pattern, case limit, notice and agenda working days, all required. Meetings already arranged keep their"
            + " date. Requires If-Match with the ETag read: 428 without it, 412 if it changed meanwhile",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = MaracMeetings.MeetingSchedule.class))))
    ResponseEntity<?> changeSchedule(@PathVariable UUID areaId,
                                     @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestBody JsonNode body) {
        return org.waymark.platform.IfMatch.apply(ifMatch, "GET /api/v1/marac/areas/{areaId}/schedule", version -> {
            MaracMeetings.MeetingSchedule request = bind(body, MaracMeetings.MeetingSchedule.class);
            int next = meetings.changeSchedule(areaId, request, version);
            return ResponseEntity.noContent().eTag("\"" + next + "\"").build();
        });
    }

    @PostMapping("/api/v1/marac/areas/{areaId}/cancelled-dates")
    @Operation(summary = "Cancel a meeting date: cases go to the next meeting with room",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = CancelledDate.class))))
    ResponseEntity<Void> cancel(@PathVariable UUID areaId, @RequestBody JsonNode body) {
        meetings.cancelDate(areaId, bind(body, CancelledDate.class).date());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/marac/areas/{areaId}/returns")
    @Operation(summary = "For the area's coordinator: the MARAC data return for a quarter, with the case list it counts")
    MaracReturns.DataReturn dataReturn(@PathVariable UUID areaId, @RequestParam int year, @RequestParam int quarter) {
        LocalDate[] period = MaracReturns.quarter(year, quarter);
        return returns.dataReturn(areaId, period[0], period[1]);
    }

    @GetMapping(value = "/api/v1/marac/areas/{areaId}/returns.csv", produces = "text/csv")
    @Operation(summary = "The data return as CSV: the figures, then the case list")
    ResponseEntity<String> dataReturnCsv(@PathVariable UUID areaId, @RequestParam int year, @RequestParam int quarter) {
        LocalDate[] period = MaracReturns.quarter(year, quarter);
        String csv = returns.csv(returns.dataReturn(areaId, period[0], period[1]));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"marac-return-%d-q%d.csv\"".formatted(year, quarter))
                .body(csv);
    }

    @PutMapping("/api/v1/marac/areas/{areaId}/expected-referrals")
    @Operation(summary = "For referral monitoring: how many referrals a year the area expects from an agency",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Expectation.class))))
    ResponseEntity<Void> expect(@PathVariable UUID areaId, @RequestBody JsonNode body) {
        Expectation request = bind(body, Expectation.class);
        returns.expectReferrals(areaId, request.agencyId(), request.perYear() == null ? 0 : request.perYear());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/marac/referrals")
    @Operation(summary = "Refer a victim aged 16 or over to MARAC. criteria: VISIBLE_HIGH_RISK (assessmentId of a"
            + " completed DASH with 14+ yes), POTENTIAL_ESCALATION or PROFESSIONAL_JUDGEMENT (with reason); consent GIVEN,"
            + " REFUSED or NOT_SOUGHT (without consent: lawfulBasis and consentRationale). Under 16 is refused (children's"
            + " pathway)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = NewReferral.class))))
    ResponseEntity<ReferralView> refer(@RequestBody JsonNode body) {
        UUID id = referrals.refer(bind(body, NewReferral.class));
        return ResponseEntity.created(URI.create("/api/v1/marac/referrals/" + id)).body(referrals.get(id));
    }

    @GetMapping("/api/v1/marac/referrals")
    @Operation(summary = "For the MARAC coordinator: referrals not yet heard, review due first")
    List<MaracReferrals.ReferralLine> queue() {
        return referrals.coordinatorQueue();
    }

    @GetMapping("/api/v1/marac/idva-cases")
    @Operation(summary = "For an IDVA: your MARAC cases")
    List<MaracReferrals.ReferralLine> idvaCases() {
        return referrals.myIdvaCases();
    }

    @GetMapping("/api/v1/marac/referrals/{id}")
    @Operation(summary = "A referral as you may see it (FULL or AGENDA); safe contact only with need to know")
    ReferralView get(@PathVariable UUID id) {
        return referrals.get(id);
    }

    @PostMapping("/api/v1/marac/referrals/{id}/reviews")
    @Operation(summary = "Your agency's review (coordinator, police or IDVA service) with any immediate safety action;"
            + " the coordinator's review lists the case at the next meeting with room",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Review.class))))
    ReferralView review(@PathVariable UUID id, @RequestBody JsonNode body) {
        return referrals.review(id, bind(body, Review.class).immediateAction());
    }

    @PutMapping("/api/v1/marac/referrals/{id}/research")
    @Operation(summary = "Your agency's research on a listed case: what it knows and its involvement",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ResearchRequest.class))))
    ResponseEntity<Void> research(@PathVariable UUID id, @RequestBody JsonNode body) {
        ResearchRequest request = bind(body, ResearchRequest.class);
        meetings.recordResearch(id, request.known(), request.involvement());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/marac/referrals/{id}/research")
    @Operation(summary = "Every member agency's research on a case")
    List<MaracMeetings.Research> researchOn(@PathVariable UUID id) {
        return meetings.research(id);
    }

    @PutMapping("/api/v1/marac/referrals/{id}/discussion")
    @Operation(summary = "At the meeting: discussion notes, risks and the outcome (CLOSED or KEPT_OPEN with reviewDate)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Discussion.class))))
    ResponseEntity<Void> discussion(@PathVariable UUID id, @RequestBody JsonNode body) {
        Discussion request = bind(body, Discussion.class);
        meetings.recordDiscussion(id, request.notes(), request.risks(), request.outcome(), request.reviewDate());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/marac/referrals/{id}/actions")
    @Operation(summary = "At the meeting: an action with its owning agency, named owner and due date",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = NewAction.class))))
    ResponseEntity<Map<String, UUID>> addAction(@PathVariable UUID id, @RequestBody JsonNode body) {
        NewAction request = bind(body, NewAction.class);
        UUID action = meetings.addAction(id, request.owningAgencyId(), request.ownerName(), request.description(),
                request.dueDate());
        return ResponseEntity.status(201).body(Map.of("actionId", action));
    }

    @GetMapping("/api/v1/marac/referrals/{id}/actions")
    @Operation(summary = "The action plan of a case")
    List<MaracMeetings.Action> actionsOn(@PathVariable UUID id) {
        return meetings.actionsOn(id);
    }

    @GetMapping("/api/v1/marac/actions/mine")
    @Operation(summary = "Your agency's open MARAC actions, overdue first")
    List<MaracMeetings.Action> myActions() {
        return meetings.myActions();
    }

    @GetMapping("/api/v1/marac/actions/overdue")
    @Operation(summary = "For the coordinator: overdue actions of the areas you coordinate")
    List<MaracMeetings.Action> overdue() {
        return meetings.overdueActions();
    }

    @PostMapping("/api/v1/marac/actions/{id}/done")
    @Operation(summary = "Your agency marks its action done; send the version you read",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Version.class))))
    ResponseEntity<Void> done(@PathVariable UUID id, @RequestBody JsonNode body) {
        meetings.completeAction(id, bind(body, Version.class).version());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/marac/meetings")
    @Operation(summary = "Upcoming meetings of the MARACs your agency is a member of")
    List<MaracMeetings.MeetingSummary> upcoming() {
        return meetings.upcoming();
    }

    @GetMapping("/api/v1/marac/meetings/{id}/agenda")
    @Operation(summary = "A meeting's agenda, for member agencies: no addresses, no narrative, no safe contact")
    MaracMeetings.Agenda agenda(@PathVariable UUID id) {
        return meetings.agenda(id);
    }

    @PostMapping("/api/v1/marac/meetings/{id}/agenda-circulation")
    @Operation(summary = "The coordinator circulates the agenda: shares recorded, research tasks for each member agency")
    ResponseEntity<Void> circulate(@PathVariable UUID id) {
        meetings.circulateAgenda(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/marac/meetings/{id}/attendance")
    @Operation(summary = "The coordinator records who attended for an agency",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Attendance.class))))
    ResponseEntity<Void> attendance(@PathVariable UUID id, @RequestBody JsonNode body) {
        Attendance request = bind(body, Attendance.class);
        meetings.recordAttendance(id, request.agencyId(), request.attendee());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/marac/people/{personId}/months-since-referral")
    @Operation(summary = "Whole months since this person's last MARAC referral (any agency's record), for rule R4;"
            + " null when never referred")
    Map<String, Long> monthsSince(@PathVariable UUID personId) {
        var months = referrals.monthsSinceLastReferral(personId);
        return months.isPresent() ? Map.of("months", months.getAsLong()) : java.util.Collections.singletonMap("months", null);
    }
}
