package org.waymark.organisations;

import java.util.UUID;

/** An agency in the partnership. Not personal data. */
public record Agency(UUID id, String name, AgencyType type, boolean active, int version) {
}
