package org.waymark.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A record whose retention period has ended, as the review queue shows it: no personal data, only the
 * record's type and id (and a case's reference), the agency that holds it, the rule and when it fell due,
 * and the decision once made.
 */
public record RetentionReview(UUID id, String recordType, UUID recordId, String reference, String agencyName,
                              String rule, String ruleText, LocalDate dueOn, Instant listedAt, String status,
                              String decidedBy, Instant decidedAt, String rationale, LocalDate keepUntil, int version) {
}
