package org.waymark.platform;

/** One field at fault in a request: the field's path (as the client named it) and a message in plain words. */
public record FieldError(String field, String message) {
}
