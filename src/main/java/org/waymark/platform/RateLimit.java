package org.waymark.platform;

import java.time.Duration;

/** At most {@code max} hits {@code per} window. Bound from configuration, e.g. {@code max: 20, per: 5m}. */
public record RateLimit(int max, Duration per) {

    public RateLimit {
        if (max <= 0) {
            throw new IllegalArgumentException("A rate limit needs a positive max, not " + max);
        }
        if (per == null || per.toSeconds() < 1 || per.toDays() > 1) {
            throw new IllegalArgumentException("A rate limit window must be between 1 second and 1 day, not " + per);
        }
    }
}
