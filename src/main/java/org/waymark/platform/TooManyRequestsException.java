package org.waymark.platform;

/** The caller is over a rate limit. Answers 429 with Retry-After; nothing was done. */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
