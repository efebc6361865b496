package org.waymark.governance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.governance.Retention;
import org.waymark.governance.RetentionReview;
import org.waymark.governance.SubjectAccess;
import org.waymark.governance.SubjectAccessExport;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.StrictJsonBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Information governance", description = "Subject access and retention")
class GovernanceApi {

    record Decision(@Schema(allowableValues = {"ANONYMISE", "KEEP"}) String decision,
                    @Schema(maxLength = 4000) String rationale) {
    }

    private final SubjectAccess subjectAccess;
    private final Retention retention;
    private final StrictJsonBinding binding;

    GovernanceApi(SubjectAccess subjectAccess, Retention retention, JsonMapper json) {
        this.subjectAccess = subjectAccess;
        this.retention = retention;
        this.binding = new StrictJsonBinding(json, Map.of());
    }

    @GetMapping("/api/v1/people/{id}/subject-access")
    @Operation(summary = "Subject access export of this person's data as JSON, other people's details redacted."
            + " Recorded as a disclosure to the data subject. Not for the perpetrator side or break-glass (403)")
    SubjectAccessExport export(@PathVariable UUID id) {
        return subjectAccess.export(id, "JSON");
    }

    @GetMapping(path = "/api/v1/people/{id}/subject-access.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The same subject access export as a PDF")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id) {
        return pdf(id, subjectAccess.exportPdf(id));
    }

    static ResponseEntity<byte[]> pdf(UUID id, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-" + id + ".pdf").build().toString())
                .body(body);
    }

    @GetMapping("/api/v1/people/{id}/access-report")
    @Operation(summary = "Who accessed this person's record (from the audit trail), as the subject would be given it")
    List<SubjectAccessExport.Access> accessReport(@PathVariable UUID id) {
        return subjectAccess.accessReport(id);
    }

    @GetMapping("/api/v1/retention/reviews")
    @Operation(summary = "Records due for retention review and the decisions made (safeguarding leads: their"
            + " agency's records; administrators: all)")
    List<RetentionReview> queue() {
        return retention.queue();
    }

    @PostMapping("/api/v1/retention/reviews/{id}/decision")
    @Operation(summary = "Decide a due record: ANONYMISE (carried out at once) or KEEP until the next review, with"
            + " the reason. 409 if it was already decided",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Decision.class))))
    RetentionReview decide(@PathVariable UUID id, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Decision decision = binding.bind(body, Decision.class, errors);
        if (!errors.isEmpty() || decision == null) {
            throw new InvalidRequestException(errors);
        }
        return retention.decide(id, decision.decision(), decision.rationale());
    }
}
