package org.waymark.platform;

/** A restricted value could not be sealed or opened. The message never carries the value itself. */
public class FieldEncryptionException extends RuntimeException {

    public FieldEncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
