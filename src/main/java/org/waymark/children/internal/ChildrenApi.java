package org.waymark.children.internal;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RestController;
import org.waymark.children.MashTriage;
import org.waymark.children.NewPoliceNotification;
import org.waymark.children.NotificationSummary;
import org.waymark.children.NotificationView;
import org.waymark.children.PoliceNotifications;
import org.waymark.children.SchoolNotifications;
import org.waymark.children.Schools;
import org.waymark.children.StrategyDiscussions;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.StrictJsonBinding;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Children's pathway", description = "Police notifications, MASH triage, strategy discussions and school"
        + " notifications (Operation Encompass)")
class ChildrenApi {

    private final PoliceNotifications notifications;
    private final MashTriage triage;
    private final StrategyDiscussions strategy;
    private final SchoolNotifications schoolNotifications;
    private final Schools schools;
    private final StrictJsonBinding binding;

    ChildrenApi(PoliceNotifications notifications, MashTriage triage, StrategyDiscussions strategy,
                SchoolNotifications schoolNotifications, Schools schools, JsonMapper json) {
        this.notifications = notifications;
        this.triage = triage;
        this.strategy = strategy;
        this.schoolNotifications = schoolNotifications;
        this.schools = schools;
        this.binding = new StrictJsonBinding(json, Map.of(NewPoliceNotification.ChildDetails.class, 30, String.class, 7));
    }

    private <T extends Record> T bind(JsonNode body, Class<T> type) {
        return binding.bindOrRefuse(body, type);
    }

    // ---- police notifications ---------------------------------------------------------------------

    @PostMapping("/api/v1/children/notifications")
    @Operation(summary = "Send the MASH a police notification about an incident your force recorded: every child with"
            + " what they saw or heard, the DASH and the criminal justice outcome. The rules run at once and create the"
            + " triage, strategy discussion and school notifications they require",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = NewPoliceNotification.class))))
    ResponseEntity<NotificationView> submit(@RequestBody JsonNode body) {
        UUID id = notifications.submit(bind(body, NewPoliceNotification.class));
        return ResponseEntity.created(URI.create("/api/v1/children/notifications/" + id)).body(notifications.get(id));
    }

    @GetMapping("/api/v1/children/notifications")
    @Operation(summary = "Your force's police notifications, newest first")
    List<NotificationSummary> mine() {
        return notifications.mine();
    }

    @GetMapping("/api/v1/children/notifications/{id}")
    @Operation(summary = "One police notification with the rules' result, the triage and the follow-up work")
    NotificationView notification(@PathVariable UUID id) {
        return notifications.get(id);
    }

    // ---- MASH triage ---------------------------------------------------------------------------------

    @GetMapping("/api/v1/mash/triage")
    @Operation(summary = "Notifications awaiting a triage decision, urgent first, then by due time and risk")
    List<NotificationSummary> queue() {
        return triage.queue();
    }

    record InformationRequest(UUID agencyId) {
    }

    @PostMapping("/api/v1/mash/triage/{id}/information-requests")
    @Operation(summary = "Ask an agency what it holds on the family, before the panel (a recorded share and a task)")
    ResponseEntity<Void> requestInformation(@PathVariable UUID id, @RequestBody JsonNode body) {
        triage.requestInformation(id, bind(body, InformationRequest.class).agencyId());
        return ResponseEntity.noContent().build();
    }

    record AgencyInformation(String information) {
    }

    @PostMapping("/api/v1/mash/triage/{id}/information")
    @Operation(summary = "Record what your agency holds on the family, for the triage panel")
    ResponseEntity<Void> recordInformation(@PathVariable UUID id, @RequestBody JsonNode body) {
        triage.recordInformation(id, bind(body, AgencyInformation.class).information());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/mash/triage/{id}/decision")
    @Operation(summary = "Record the threshold decision and lead agency with the rationale. INFORMATION_AND_ADVICE is"
            + " refused unless rule C4 permits it; an outcome lower than recommended needs lowerOutcomeRationale;"
            + " version is the triage version you read")
    NotificationView decide(@PathVariable UUID id, @RequestBody JsonNode body) {
        triage.decide(id, bind(body, MashTriage.Decision.class));
        return notifications.get(id);
    }

    // ---- strategy discussions ------------------------------------------------------------------------

    @GetMapping("/api/v1/strategy-discussions/{id}")
    @Operation(summary = "A strategy discussion: the reasons, the agencies to involve and its outcome")
    StrategyDiscussions.View strategyDiscussion(@PathVariable UUID id) {
        return strategy.get(id);
    }

    @PostMapping("/api/v1/strategy-discussions/{id}/outcome")
    @Operation(summary = "Record that the strategy discussion was held: who took part, whether a Section 47 enquiry"
            + " follows, the actions and who does what")
    StrategyDiscussions.View recordStrategyDiscussion(@PathVariable UUID id, @RequestBody JsonNode body) {
        strategy.record(id, bind(body, StrategyDiscussions.Outcome.class));
        return strategy.get(id);
    }

    // ---- school notifications -------------------------------------------------------------------------

    @GetMapping("/api/v1/school-notifications")
    @Operation(summary = "Your school's notifications (key adult or designated safeguarding lead)")
    List<SchoolNotifications.Notice> schoolNotifications() {
        return schoolNotifications.forMySchool();
    }

    @GetMapping("/api/v1/school-notifications/{id}")
    @Operation(summary = "One notification: that an incident happened, when, whether the child was there, and the"
            + " support that may help")
    SchoolNotifications.Notice schoolNotification(@PathVariable UUID id) {
        return schoolNotifications.get(id);
    }

    @PostMapping("/api/v1/school-notifications/{id}/acknowledgement")
    @Operation(summary = "Acknowledge receipt")
    SchoolNotifications.Notice acknowledge(@PathVariable UUID id) {
        schoolNotifications.acknowledge(id);
        return schoolNotifications.get(id);
    }

    // ---- schools ----------------------------------------------------------------------------------------

    @GetMapping("/api/v1/schools/{agencyId}")
    @Operation(summary = "A school's key adult, start time, school days and closures")
    Schools.School school(@PathVariable UUID agencyId) {
        return schools.get(agencyId);
    }

    record SchoolSettings(UUID keyAdultUserId, String dayStartsAt, List<String> schoolDays, Integer version) {
    }

    @PutMapping("/api/v1/schools/{agencyId}")
    @Operation(summary = "Change a school's key adult, start time (HH:mm) and school days (MONDAY...); version is the"
            + " one you read (0 for a school never set up)")
    Schools.School configureSchool(@PathVariable UUID agencyId, @RequestBody JsonNode body) {
        SchoolSettings settings = bind(body, SchoolSettings.class);
        List<FieldError> errors = new ArrayList<>();
        LocalTime startsAt = null;
        if (settings.dayStartsAt() != null) {
            try {
                startsAt = LocalTime.parse(settings.dayStartsAt());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dayStartsAt", "must be a time like 08:30"));
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : settings.schoolDays() == null ? List.<String>of() : settings.schoolDays()) {
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("schoolDays", "must be days like MONDAY"));
            }
        }
        if (settings.version() == null) {
            errors.add(new FieldError("version", "must be the version you read (0 for a school never set up)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        schools.configure(agencyId, settings.keyAdultUserId(), startsAt, days, settings.version());
        return schools.get(agencyId);
    }

    record NewClosure(LocalDate firstDay, LocalDate lastDay, String name) {
    }

    @PostMapping("/api/v1/schools/{agencyId}/closures")
    @Operation(summary = "Add a holiday or other closure (both days included)")
    ResponseEntity<Schools.School> addClosure(@PathVariable UUID agencyId, @RequestBody JsonNode body) {
        NewClosure closure = bind(body, NewClosure.class);
        schools.addClosure(agencyId, closure.firstDay(), closure.lastDay(), closure.name());
        return ResponseEntity.status(201).body(schools.get(agencyId));
    }
}
