package org.waymark.organisations.internal;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.RateLimit;
import org.waymark.platform.RateLimits;

/**
 * Failed sign-ins counted per client address, across every username and across form and HTTP Basic:
 * the per-account lockout stops guessing one password, this stops trying one password on many
 * accounts. Only failures count, so a whole office signing in from one address is never held up.
 */
@Component
class SignInThrottle {

    static final String SCOPE = "sign-in-failures";

    private final RateLimits limits;
    private final AuditTrail audit;
    private volatile RateLimit limit;

    SignInThrottle(RateLimits limits, AuditTrail audit, SecurityProperties properties) {
        this.limits = limits;
        this.audit = audit;
        this.limit = properties.signInRateLimit();
    }

    RateLimit limit() {
        return limit;
    }

    /** For tests that exercise the limit without restarting the application. */
    void limit(RateLimit limit) {
        this.limit = limit;
    }

    /** The seconds to wait when this address may not try now (the refusal is audited), else empty. */
    OptionalLong refusal(String clientAddress, String method) {
        RateLimits.Decision decision = limits.check(SCOPE, clientAddress, limit);
        if (decision.allowed()) {
            return OptionalLong.empty();
        }
        // What was typed is not recorded: people type their password into the username box.
        audit.recordIndependently(null, null,
                AuditEntry.refused("SIGN_IN", "USER", null, "TooManyFailedSignInsFromAddress").with("method", method));
        return OptionalLong.of(decision.retryAfterSeconds());
    }

    void failed(String clientAddress) {
        limits.hit(SCOPE, clientAddress, limit);
    }
}
