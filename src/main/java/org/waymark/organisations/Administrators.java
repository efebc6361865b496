package org.waymark.organisations;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;

/** Administration needs the ADMIN role; any other attempt is refused and audited before anything changes. */
@Component
class Administrators {

    private final AuditTrail audit;

    Administrators(AuditTrail audit) {
        this.audit = audit;
    }

    Actor require(String action, String objectType) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole(Role.ADMIN.name())) {
            audit.recordIndependently(AuditEntry.refused(action, objectType, null, "not an administrator"));
            throw new AccessDeniedException("Only administrators may do this");
        }
        return actor;
    }
}
