package org.waymark.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.audit.AuditChainReport;

@RestController
@Tag(name = "Audit", description = "The append-only audit trail (administrators)")
class AuditVerificationApi {

    private final JdbcAuditChain chain;

    AuditVerificationApi(JdbcAuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Walk the audit hash chain and report the first broken link, if any (administrators)")
    AuditChainReport verify() {
        return chain.verifyForAdministrator();
    }
}
