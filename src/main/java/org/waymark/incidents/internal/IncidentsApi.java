package org.waymark.incidents.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.incidents.ChronologyEntry;
import org.waymark.incidents.DerivedFacts;
import org.waymark.incidents.Incidents;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.StrictJsonBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Incidents", description = "Incidents, each person's chronology and the facts derived from records")
class IncidentsApi {

    private final Incidents incidents;
    private final StrictJsonBinding binding;

    IncidentsApi(Incidents incidents, JsonMapper json) {
        this.incidents = incidents;
        this.binding = new StrictJsonBinding(json, Map.of(IncidentRequest.Person.class, 30, String.class, 20));
    }

    @PostMapping("/api/v1/incidents")
    @Operation(summary = "Record an incident with the people involved and their roles",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = IncidentRequest.class))))
    ResponseEntity<Map<String, UUID>> create(@RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        IncidentRequest request = binding.bind(body, IncidentRequest.class, errors);
        if (!errors.isEmpty() || request == null) {
            throw new InvalidRequestException(errors);
        }
        UUID id = incidents.record(request.toNewIncident());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "One incident, as far as you have a need to know it (a restricted location is withheld"
            + " unless you recorded it or are allocated to the case)")
    org.waymark.incidents.IncidentView incident(@PathVariable UUID id) {
        return incidents.get(id);
    }

    @GetMapping("/api/v1/people/{id}/chronology")
    @Operation(summary = "Every incident involving this person or a record linked as the same person, oldest first")
    List<ChronologyEntry> chronology(@PathVariable UUID id) {
        return incidents.chronology(id);
    }

    @GetMapping("/api/v1/people/{id}/family-chronology")
    @Operation(summary = "The chronology of the person and everyone one relationship away, with their linked records")
    List<ChronologyEntry> familyChronology(@PathVariable UUID id) {
        return incidents.chronology(id, true);
    }

    @GetMapping("/api/v1/people/{id}/timeline")
    @Operation(summary = "Everything in the person's chronology in date order: incidents, risk assessments, police"
            + " notifications, triage decisions, strategy discussions and the other pathways' records you may see")
    List<org.waymark.platform.ChronologyEvent> timeline(@PathVariable UUID id) {
        return incidents.timeline(id, false);
    }

    @GetMapping("/api/v1/people/{id}/family-timeline")
    @Operation(summary = "The family's chronology (everyone one relationship away) in date order, every kind of record")
    List<org.waymark.platform.ChronologyEvent> familyTimeline(@PathVariable UUID id) {
        return incidents.timeline(id, true);
    }

    @GetMapping("/api/v1/people/{id}/facts")
    @Operation(summary = "Facts derived from the records: incidents and call-outs in the last 12 months, escalation,"
            + " repeat and serial perpetrator")
    DerivedFacts facts(@PathVariable UUID id,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return incidents.facts(id, asOf);
    }
}
