package org.waymark.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * Follow-up work a pathway creates. {@code subjectType}/{@code subjectId} name what it is about (e.g. a
 * notification), {@code href} the page where it is done; {@code ownerUserId} is optional (the agency's
 * queue otherwise); {@code escalateToAgencyId} is told when it is overdue, besides the owner's managers.
 */
public record NewTask(String kind, String title, String subjectType, UUID subjectId, String href, UUID caseId,
                      UUID ownerAgencyId, UUID ownerUserId, UUID escalateToAgencyId, Instant dueAt, boolean urgent) {
}
