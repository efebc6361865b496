package org.waymark.platform;

import java.util.Set;
import java.util.UUID;

/** Who is acting: the signed-in user, their agency and roles. Carried by every principal Waymark creates. */
public record Actor(UUID userId, String username, String displayName, UUID agencyId, String agencyName,
                    Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
