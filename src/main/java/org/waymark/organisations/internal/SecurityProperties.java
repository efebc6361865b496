package org.waymark.organisations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.waymark.platform.RateLimit;

/**
 * Sign-in policy: lockout after repeated failures of one account, a limit on failed sign-ins from one
 * client address (whatever usernames it tries), and the OIDC claim that names a local user.
 */
@ConfigurationProperties("waymark.security")
record SecurityProperties(int maxFailedSignIns, Duration lockoutDuration, String oidcUsernameClaim,
                          RateLimit signInRateLimit) {

    SecurityProperties {
        if (maxFailedSignIns <= 0) {
            maxFailedSignIns = 5;
        }
        if (lockoutDuration == null) {
            lockoutDuration = Duration.ofMinutes(15);
        }
        if (oidcUsernameClaim == null || oidcUsernameClaim.isBlank()) {
            oidcUsernameClaim = "preferred_username";
        }
        if (signInRateLimit == null) {
            signInRateLimit = new RateLimit(20, Duration.ofMinutes(5));
        }
    }
}
