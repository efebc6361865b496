package org.waymark.platform;

/**
 * The object does not exist, or the caller may not know that it exists. Both answer 404 with the same
 * body, so a refused lookup cannot be told apart from a missing one.
 */
public class NotFoundException extends RuntimeException {

    private final String objectType;

    public NotFoundException(String objectType) {
        super(objectType + " not found");
        this.objectType = objectType;
    }

    public String objectType() {
        return objectType;
    }
}
