package org.waymark.tasks;

import java.time.Instant;
import java.util.UUID;

/** A task as its owners see it; {@code overdue} is judged against now. */
public record WorkTask(UUID id, String kind, String title, String subjectType, UUID subjectId, String href,
                       UUID caseId, UUID ownerAgencyId, String ownerAgencyName, UUID ownerUserId, String ownerUserName,
                       Instant dueAt, boolean urgent, String status, Instant escalatedAt, boolean overdue,
                       Instant completedAt, String outcome) {
}
