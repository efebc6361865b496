package org.waymark.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A police notification as the family's agencies see it: the children and what each experienced, the rules'
 * result with every action explained (reasons, rule ids, source), the triage and its decision, the strategy
 * discussion and the school notifications. The victim's address and restricted details are not part of it.
 */
public record NotificationView(UUID id, String reference, UUID incidentId, LocalDate incidentOn, UUID caseId,
                               String caseReference, UUID victimPersonId, String agencyName, String submittedBy,
                               Instant submittedAt, String profile, String riskLevel, Integer dashYesCount,
                               String criminalJusticeOutcome, boolean victimPregnant, int perpetratorMappaLevel,
                               List<Child> children, List<Action> actions, Triage triage, UUID strategyDiscussionId,
                               List<SchoolNotice> schoolNotifications) {

    public record Child(UUID id, int position, UUID personId, String name, boolean unborn, Integer ageYears,
                        boolean livesInHousehold, String experience, String demeanour, String risks, String historySeen,
                        boolean harmed, boolean witnessedSeriousHarm, boolean inViolentRelationship, String schoolName,
                        String supportSuggested) {
    }

    public record Action(String code, String description, List<String> reasons, List<String> rules, String source,
                         Integer childIndex) {
    }

    public record Triage(TriageRules.Route route, String routeReason, boolean urgent, Instant dueAt, String status,
                         ThresholdOutcome recommendedOutcome, boolean informationAndAdvicePermitted,
                         List<String> recommendedBecause, ThresholdOutcome outcome, String leadAgencyName,
                         String rationale, String lowerOutcomeRationale, String decidedBy, Instant decidedAt, int version,
                         List<AgencyInformation> information, List<String> informationRequestedFrom,
                         String caseworkerName) {
    }

    public record AgencyInformation(String agencyName, String enteredBy, Instant enteredAt, String information) {
    }

    public record SchoolNotice(UUID id, String childName, String schoolName, Instant dueAt, String status,
                               Instant acknowledgedAt) {
    }

    /** Whether the rules recommend this action (for pages that show a flag, e.g. "referral to social care required"). */
    public boolean recommends(String code) {
        return actions.stream().anyMatch(a -> a.code().equals(code));
    }
}
