package org.waymark.organisations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.ActorPrincipal;

/**
 * Audits every sign-in attempt and locks an account after repeated failures. Failures are counted
 * for form sign-in and HTTP Basic alike, so the API is no way round the lockout.
 */
@Component
class SignInAuditor {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SignInThrottle throttle;

    SignInAuditor(JdbcClient jdbc, AuditTrail audit, SecurityProperties properties, Clock clock,
                  PlatformTransactionManager transactions, SignInThrottle throttle) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Any successful authentication (form or HTTP Basic) clears the failure count; an API call's
     * authentication is itself a sign-in attempt, so it is audited too (the form's is audited once,
     * by {@link #signedIn}).
     */
    @EventListener
    void authenticated(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ActorPrincipal principal) {
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "update app_user set failed_sign_ins = 0, locked_until = null"
                                    + " where id = ? and (failed_sign_ins > 0 or locked_until is not null)")
                    .param(principal.actor().userId()).update());
            if (!isSignInForm()) {
                audit.recordIndependently(principal.actor(), principal.actor().username(),
                        AuditEntry.allowed("SIGN_IN", "USER", principal.actor().userId()).with("method", "HTTP_BASIC"));
            }
        }
    }

    private static boolean isSignInForm() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().endsWith("/sign-in");
    }

    /** Interactive sign-in is audited once per session; API calls are audited by what they do. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ActorPrincipal principal) {
            audit.recordIndependently(principal.actor(), principal.actor().username(),
                    AuditEntry.allowed("SIGN_IN", "USER", principal.actor().userId()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).trim();
        String reason = event.getException().getClass().getSimpleName();
        UUID userId = jdbc.sql("select id from app_user where lower(username) = lower(?)")
                .param(username).query(UUID.class).optional().orElse(null);
        if (userId != null && event.getException() instanceof BadCredentialsException) {
            countFailure(userId);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            throttle.failed(attributes.getRequest().getRemoteAddr());
        }
        // An unknown username is not stored: people type their password into the username box.
        audit.recordIndependently(null, userId == null ? null : username.toLowerCase(),
                new AuditEntry("SIGN_IN", "USER", userId == null ? null : userId.toString(), AuditOutcome.FAILED,
                        Map.of("reason", userId == null ? "UnknownUsername" : reason)));
    }

    private void countFailure(UUID userId) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        update app_user
                           set failed_sign_ins = failed_sign_ins + 1,
                               locked_until = case when failed_sign_ins + 1 >= :max then :until else locked_until end
                         where id = :id
                        """)
                .param("max", properties.maxFailedSignIns())
                .param("until", Timestamp.from(clock.instant().plus(properties.lockoutDuration())))
                .param("id", userId)
                .update());
    }
}
