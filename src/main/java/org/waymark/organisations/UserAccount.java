package org.waymark.organisations;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person who signs in to Waymark. Never carries the password hash. */
public record UserAccount(UUID id, String username, String displayName, String email, UUID agencyId,
                          String agencyName, Set<Role> roles, boolean enabled, Instant lockedUntil, int version) {
}
