package org.waymark.platform;

/** The object changed since the caller read it (optimistic locking) or the request clashes with existing data. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
