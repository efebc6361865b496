package org.waymark.children;

import java.util.List;
import java.util.UUID;

/**
 * What the attending officer sends to the MASH about an incident they recorded (its people, severity and
 * what happened come from the incident): every child in the household with what they saw or heard, their
 * demeanour, the risks to them and the abuse they have seen before (SOL police response; WM-2.24), whether
 * the victim is pregnant, the DASH (a completed assessment of the officer's force) and the criminal justice
 * outcome.
 */
public record NewPoliceNotification(UUID incidentId, UUID riskAssessmentId, Boolean victimPregnant,
                                    Boolean victimCareAndSupportNeeds, Integer perpetratorMappaLevel,
                                    String criminalJusticeOutcome, Boolean otherRiskIndicators,
                                    Boolean honourBasedViolence, Boolean forcedMarriage, Household household,
                                    List<ChildDetails> children) {

    public NewPoliceNotification {
        // A null entry stays, so the service names it (children[i]) instead of the list failing to build.
        children = children == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(children));
        household = household == null ? new Household(false, false, false, false, false) : household;
    }

    /** Circumstances of the household that raise the risk to the children (C6d, C11). */
    public record Household(Boolean parentalMentalIllHealth, Boolean parentalSubstanceMisuse,
                            Boolean informalAgreementsBrokenDown, Boolean adultsUnableToAcceptImpact,
                            Boolean contactArrangementsRisk) {
    }

    /**
     * One child recorded on the incident. {@code experience}: PRESENT, SAW, HEARD or NOT_PRESENT (the
     * incident's record when not given). {@code schoolAgencyId}: the child's school or nursery, if any.
     */
    public record ChildDetails(UUID personId, Boolean livesInHousehold, String experience, String demeanour,
                               String risks, String historySeen, Boolean harmed, Boolean witnessedSeriousHarm,
                               Boolean inViolentRelationship, UUID schoolAgencyId, String supportSuggested) {
    }
}
