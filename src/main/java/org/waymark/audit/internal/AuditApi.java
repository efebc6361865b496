package org.waymark.audit.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.audit.AuditTrail;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit", description = "The append-only audit trail (administrators)")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first")
    List<AuditEvent> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String objectType,
                            @RequestParam(required = false) String objectId,
                            @RequestParam(required = false) AuditOutcome outcome,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                            @RequestParam(defaultValue = "100") int limit) {
        return audit.search(new AuditQuery(blank(actor), blank(action), blank(objectType), blank(objectId), outcome,
                from, to, limit));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
