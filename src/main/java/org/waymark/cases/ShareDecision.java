package org.waymark.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded decision to share (SHARE) or not to share (NOT_SHARE): with whom, what, whether the person
 * consented, the lawful basis relied on, why, and who already knew at the time.
 */
public record ShareDecision(UUID id, String decision, String withAgency, String withPerson, String what,
                            String consent, String lawfulBasis, String rationale, List<String> whoElseKnows,
                            String decidedBy, Instant decidedAt) {
}
