package org.waymark.cases.internal;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.cases.CaseSummary;
import org.waymark.cases.CaseView;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.platform.IfMatch;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.StrictJsonBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Cases", description = "Cases around a victim, the agencies involved, decisions to share, break-glass")
class CasesApi {

    record OpenCase(UUID victimPersonId) {
    }

    record Allocation(UUID userId, String worksWith) {
    }

    record Closure(String reason) {
    }

    record LeadAgency(UUID leadAgencyId) {
    }

    record BreakGlassRequest(String reference, String reason) {
    }

    private final Cases cases;
    private final StrictJsonBinding binding;

    CasesApi(Cases cases, JsonMapper json) {
        this.cases = cases;
        this.binding = new StrictJsonBinding(json, Map.of());
    }

    private <T extends Record> T bind(JsonNode body, Class<T> type) {
        return binding.bindOrRefuse(body, type);
    }

    @GetMapping("/api/v1/cases")
    @Operation(summary = "Cases your agency is involved in or you are allocated to")
    List<CaseSummary> mine() {
        return cases.mine();
    }

    @PostMapping("/api/v1/cases")
    @Operation(summary = "Open (or find) the case of a victim you can see",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = OpenCase.class))))
    ResponseEntity<CaseSummary> open(@RequestBody JsonNode body) {
        OpenCase request = bind(body, OpenCase.class);
        if (request.victimPersonId() == null) {
            throw InvalidRequestException.of("victimPersonId", "Give the id of the victim's person record");
        }
        CaseSummary summary = cases.openFor(request.victimPersonId());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + summary.id())).eTag("\"" + summary.version() + "\"")
                .body(summary);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "A case: people, agencies involved and why, allocated workers, sharing decisions, who else"
            + " knows, chronology. The ETag is the version to send in If-Match when changing the lead agency")
    ResponseEntity<CaseView> get(@PathVariable UUID id) {
        CaseView view = cases.get(id);
        return ResponseEntity.ok().eTag("\"" + view.summary().version() + "\"").body(view);
    }

    @PostMapping("/api/v1/cases/{id}/share-decisions")
    @Operation(summary = "Record a decision to share the case with an agency (which involves it) or not to share."
            + " decision: SHARE or NOT_SHARE; consent: GIVEN, REFUSED or NOT_SOUGHT; lawfulBasis: CONSENT (only with"
            + " consent given), SIGNIFICANT_HARM_TO_CHILD, VITAL_INTERESTS, PUBLIC_TASK, PREVENTION_OF_CRIME,"
            + " LEGAL_OBLIGATION; basis: REFERRED, RESEARCH_REQUEST, ACTION_OWNER, MASH_TRIAGE, MARAC_REFERRAL;"
            + " worksWith: VICTIM, PERSON_CAUSING_HARM, CHILDREN, WHOLE_FAMILY",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = SharingRequest.class))))
    ResponseEntity<Map<String, UUID>> decide(@PathVariable UUID id, @RequestBody JsonNode body) {
        UUID decision = cases.decideSharing(id, bind(body, SharingRequest.class));
        return ResponseEntity.status(201).body(Map.of("decisionId", decision));
    }

    @PostMapping("/api/v1/cases/{id}/workers")
    @Operation(summary = "Allocate a worker from your own agency",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Allocation.class))))
    ResponseEntity<Void> allocate(@PathVariable UUID id, @RequestBody JsonNode body) {
        Allocation request = bind(body, Allocation.class);
        cases.allocateWorker(id, request.userId(), request.worksWith());
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/api/v1/cases/{id}/closure")
    @Operation(summary = "Close the case with the reason (the lead agency's allocated worker or a safeguarding lead; no"
            + " task on it may be open). Requires If-Match with the case's ETag: 428 without it, 412 if it changed meanwhile",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Closure.class))))
    ResponseEntity<?> close(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                            @RequestBody JsonNode body) {
        return IfMatch.apply(ifMatch, "GET /api/v1/cases/{id}", version -> {
            cases.close(id, bind(body, Closure.class).reason(), version);
            return ResponseEntity.noContent().build();
        });
    }

    @PutMapping("/api/v1/cases/{id}/lead-agency")
    @Operation(summary = "Change the lead agency to one of the agencies involved. Requires If-Match with the case's"
            + " ETag: 428 without it, 412 if the case changed meanwhile",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = LeadAgency.class))))
    ResponseEntity<?> lead(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                           @RequestBody JsonNode body) {
        return IfMatch.apply(ifMatch, "GET /api/v1/cases/{id}", version -> {
            cases.changeLeadAgency(id, bind(body, LeadAgency.class).leadAgencyId(), version);
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/api/v1/cases/break-glass")
    @Operation(summary = "Open a case you have no relationship with, on a stated reason, for a limited time. Audited;"
            + " the case's allocated workers and your agency's safeguarding leads are told",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = BreakGlassRequest.class))))
    ResponseEntity<Cases.BreakGlassGrant> breakGlass(@RequestBody JsonNode body) {
        BreakGlassRequest request = bind(body, BreakGlassRequest.class);
        return ResponseEntity.status(201).body(cases.breakGlass(request.reference(), request.reason()));
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Your notifications, newest first (e.g. break-glass access to your cases)")
    List<Cases.Notification> notifications() {
        return cases.notifications();
    }
}
