package org.waymark.tasks;

import java.util.UUID;

/** Published once, in the escalation's transaction, when a task passes its due time still open. */
public record TaskOverdue(UUID taskId, String kind, String title, UUID caseId, UUID ownerAgencyId, UUID ownerUserId,
                          UUID escalateToAgencyId, String href) {
}
