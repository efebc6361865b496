package org.waymark.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Seals new audit rows every few seconds (waymark.audit.seal-interval). Every instance runs it; the
 * advisory lock lets one seal while the others skip. Off in the verify-audit command, which seals once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "waymark.audit.sealer.enabled", havingValue = "true", matchIfMissing = true)
class AuditSealing {

    private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

    private final JdbcAuditChain chain;

    AuditSealing(JdbcAuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(initialDelayString = "${waymark.audit.seal-interval:5s}", fixedDelayString = "${waymark.audit.seal-interval:5s}")
    void sealNewRows() {
        try {
            chain.sealIfFree();
        } catch (RuntimeException e) {
            // Keep trying on the next run; unsealed rows wait and verification counts them.
            log.error("Sealing the audit chain failed", e);
        }
    }
}
