package org.waymark.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.waymark.incidents.ChronologyEntry;

/**
 * A case as the caller may see it. {@code relationship} says why they can (ALLOCATED_WORKER,
 * CASE_INVOLVEMENT or BREAK_GLASS); the break-glass log is shown to the case's own agencies only.
 */
public record CaseView(CaseSummary summary, String relationship, List<Member> people, List<Involvement> agencies,
                       List<Worker> workers, List<ShareDecision> sharing, List<String> whoElseKnows,
                       List<BreakGlass> breakGlass, List<ChronologyEntry> chronology,
                       List<org.waymark.risk.AssessmentRecords.AssessmentSummary> assessments) {

    public record Member(UUID personId, String name, List<String> roles) {
    }

    public record Involvement(String agencyName, String agencyType, String basis, String worksWith, Instant since) {
    }

    public record Worker(UUID userId, String name, String agencyName, String worksWith, Instant since) {
    }

    public record BreakGlass(String userName, String agencyName, String reason, Instant grantedAt, Instant expiresAt) {
    }
}
