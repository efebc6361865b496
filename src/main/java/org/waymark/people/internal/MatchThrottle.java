package org.waymark.people.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.RateLimit;
import org.waymark.platform.RateLimits;
import org.waymark.platform.TooManyRequestsException;

/**
 * Consulting records is the way to probe who is known to the partnership (try a name with date after
 * date), so each user gets a limited number per window, counted across the API and the intake page
 * and across every application instance.
 */
@Component
class MatchThrottle {

    static final String SCOPE = "person-matches";

    @ConfigurationProperties("waymark.security")
    record Properties(RateLimit matchesRateLimit) {
        Properties {
            if (matchesRateLimit == null) {
                matchesRateLimit = new RateLimit(60, Duration.ofMinutes(1));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Properties.class)
    static class Config {
    }

    private final RateLimits limits;
    private final AuditTrail audit;
    private volatile RateLimit limit;

    MatchThrottle(RateLimits limits, AuditTrail audit, Properties properties) {
        this.limits = limits;
        this.audit = audit;
        this.limit = properties.matchesRateLimit();
    }

    RateLimit limit() {
        return limit;
    }

    /** For tests that exercise the limit without restarting the application. */
    void limit(RateLimit limit) {
        this.limit = limit;
    }

    /** Counts one consultation by the signed-in user; over the limit it is audited and refused (429). */
    void count() {
        RateLimits.Decision decision = limits.hit(SCOPE, CurrentActor.require().userId().toString(), limit);
        if (!decision.allowed()) {
            audit.recordIndependently(AuditEntry.refused("CONSULT_RECORDS", "PERSON", null, "TooManyRequests"));
            throw new TooManyRequestsException(decision.retryAfterSeconds());
        }
    }
}
