package org.waymark.organisations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in policy: lockout after repeated failures, and the OIDC claim that names a local user. */
@ConfigurationProperties("waymark.security")
record SecurityProperties(int maxFailedSignIns, Duration lockoutDuration, String oidcUsernameClaim) {

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
    }
}
