package org.waymark.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A risk assessment as loaded for its pages. */
record RiskAssessment(UUID id, UUID agencyId, UUID createdBy, String createdByName, String victimReference,
                      String status, String profile, String instrumentId, String instrumentVersion,
                      AssessmentFacts facts, Map<String, StoredAnswer> answers,
                      Map<String, Map<String, StoredAnswer>> supplements, List<AnsweredQuestion> questionsSnapshot,
                      StoredResult result, Instant createdAt, Instant completedAt, int version, UUID personId) {

    boolean completed() {
        return "COMPLETED".equals(status);
    }
}
