package org.waymark.platform;

/**
 * Counters in PostgreSQL, so every application instance over the one database sees the same count.
 * Fixed windows aligned to the clock: a client can at most double its rate across a window boundary,
 * which is enough to stop guessing and probing at machine speed.
 */
public interface RateLimits {

    /** Counts one hit for {@code subject} in {@code scope}: allowed while the window's hits, this one included, are within the limit. */
    Decision hit(String scope, String subject, RateLimit limit);

    /** Whether {@code subject} is still below its limit, without counting anything. */
    Decision check(String scope, String subject, RateLimit limit);

    /** @param retryAfterSeconds when refused, the seconds until the window ends (at least 1) */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }
}
