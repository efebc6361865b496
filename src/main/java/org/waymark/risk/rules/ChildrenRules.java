package org.waymark.risk.rules;

import static org.waymark.risk.ActionCode.CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.CHILD_AND_FAMILY_ASSESSMENT;
import static org.waymark.risk.ActionCode.CHILD_PROTECTION_PROCESS;
import static org.waymark.risk.ActionCode.DISCUSS_CUMULATIVE_HARM;
import static org.waymark.risk.ActionCode.INFORMATION_AND_ADVICE_PERMITTED;
import static org.waymark.risk.ActionCode.LEAD_PROFESSIONAL_FAMILY_SUPPORT;
import static org.waymark.risk.ActionCode.NOTIFY_SCHOOL;
import static org.waymark.risk.ActionCode.REFER_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.REFER_MARAC;
import static org.waymark.risk.ActionCode.SEND_DASH_TO_MASH;
import static org.waymark.risk.ActionCode.SINGLE_AGENCY_SUPPORT;
import static org.waymark.risk.ActionCode.STRATEGY_DISCUSSION;
import static org.waymark.risk.ReasonCode.AGREEMENTS_BROKEN_DOWN;
import static org.waymark.risk.ReasonCode.CHILD_HARMED;
import static org.waymark.risk.ReasonCode.CHILD_IN_VIOLENT_RELATIONSHIP;
import static org.waymark.risk.ReasonCode.CHILD_UNDER_12_MONTHS;
import static org.waymark.risk.ReasonCode.CHILD_WITNESSED_SERIOUS_HARM;
import static org.waymark.risk.ReasonCode.CONTACT_RISK;
import static org.waymark.risk.ReasonCode.DASH_HIGH_RISK;
import static org.waymark.risk.ReasonCode.DVRIM_SCALE_3;
import static org.waymark.risk.ReasonCode.DVRIM_SCALE_4;
import static org.waymark.risk.ReasonCode.ESCALATION;
import static org.waymark.risk.ReasonCode.IMPACT_NOT_ACCEPTED;
import static org.waymark.risk.ReasonCode.PREGNANT_OR_BABY_UNDER_12_MONTHS;
import static org.waymark.risk.ReasonCode.SERIOUS_VIOLENCE;
import static org.waymark.risk.ReasonCode.UNBORN_CHILD;

import java.util.List;

import org.waymark.risk.CaseFacts;
import org.waymark.risk.CaseFacts.Child;
import org.waymark.risk.RiskLevel;
import org.waymark.risk.Severity;

/** Section B of decision-rules.md: children. */
public final class ChildrenRules {

    private ChildrenRules() {
    }

    public static final Rule C1 = new Rule("C1", "WM-2.24 (child under 12 months, including unborn); DDSCP",
            "any DVA incident and a baby under 12 months in the household, or an unborn child, even if not present",
            (facts, ctx) -> {
                if (facts.hasBabyUnder12MonthsInHousehold()) {
                    ctx.recommend(REFER_CHILDRENS_SOCIAL_CARE, CHILD_UNDER_12_MONTHS);
                }
                if (facts.hasUnbornChild()) {
                    ctx.recommend(REFER_CHILDRENS_SOCIAL_CARE, UNBORN_CHILD);
                }
            });

    public static final Rule C2 = new Rule("C2", "WM-2.24 police response",
            "a child under 18 in the household (including unborn) and the police completed a DASH",
            (facts, ctx) -> {
                if (facts.hasChildInHousehold() && facts.dash() != null && facts.dash().completedByPolice()) {
                    ctx.recommend(SEND_DASH_TO_MASH);
                }
            });

    public static final Rule C3 = new Rule("C3", "WM-2.24 Operation Encompass",
            "a child who experienced the incident (present, saw, heard) attends a school or nursery",
            (facts, ctx) -> {
                List<Child> children = facts.children();
                for (int i = 0; i < children.size(); i++) {
                    Child child = children.get(i);
                    // Wherever the child lives: Operation Encompass follows the child who experienced it.
                    if (child.isChild() && !child.unborn() && child.experiencedIncident() && child.attendsSchoolOrNursery()) {
                        ctx.recommendForChild(NOTIFY_SCHOOL, i);
                    }
                }
            });

    public static final Rule C3d = new Rule("C3d", "DDSCP (SDAT school notification)",
            "any child of statutory school age (5 to 16) in the household, whether or not they experienced it",
            (facts, ctx) -> {
                int from = ctx.profile().schoolAgeFrom();
                int to = ctx.profile().schoolAgeTo();
                List<Child> children = facts.children();
                for (int i = 0; i < children.size(); i++) {
                    Child child = children.get(i);
                    Integer age = child.ageYears();
                    if (!child.unborn() && child.livesInHousehold() && age != null && age >= from && age <= to) {
                        ctx.recommendForChild(NOTIFY_SCHOOL, i);
                    }
                }
            });

    public static final Rule C5 = new Rule("C5", "WM-2.24 child and family assessment",
            "a child in the household and (the incident is serious, or 3 or more DVA incidents in 12 months)",
            (facts, ctx) -> {
                // Police call-outs are DVA incidents too, so the larger count is used if the two disagree.
                int incidents = Math.max(facts.dvaIncidentsLast12Months(), facts.policeCalloutsLast12Months());
                boolean serious = facts.incident().severity() == Severity.SERIOUS;
                if (facts.hasChildInHousehold()
                        && (serious || incidents >= ctx.profile().childAndFamilyAssessmentIncidents())) {
                    ctx.recommend(CHILD_AND_FAMILY_ASSESSMENT);
                }
            });

    public static final Rule C6 = new Rule("C6", "WM-2.24 (Section 47 circumstances); DDSCP",
            "a child in the household and any Section 47 circumstance: a child harmed; a child witnessed serious harm;"
                    + " victim pregnant or baby under 12 months; escalation; sexual assault, strangulation, weapons or"
                    + " threats to kill; a child in a violent relationship",
            (facts, ctx) -> {
                // A child harmed or a child who saw serious harm is a Section 47 circumstance wherever the child
                // lives (WM-2.24 puts no household condition on these two), so they do not need a household child.
                if (anyChild(facts, Child::harmed)) {
                    ctx.recommend(STRATEGY_DISCUSSION, CHILD_HARMED);
                }
                if (anyChild(facts, Child::witnessedSeriousHarm)) {
                    ctx.recommend(STRATEGY_DISCUSSION, CHILD_WITNESSED_SERIOUS_HARM);
                }
                if (!facts.hasChildInHousehold()) {
                    return;
                }
                if (facts.hasUnbornChild() || facts.hasBabyUnder12MonthsInHousehold()) {
                    ctx.recommend(STRATEGY_DISCUSSION, PREGNANT_OR_BABY_UNDER_12_MONTHS);
                }
                if (facts.incident().escalating()) {
                    ctx.recommend(STRATEGY_DISCUSSION, ESCALATION);
                }
                if (facts.incident().involvedSeriousViolence()) {
                    ctx.recommend(STRATEGY_DISCUSSION, SERIOUS_VIOLENCE);
                }
                for (Child child : facts.children()) {
                    if (child.isChildInHousehold() && child.inViolentRelationship()) {
                        ctx.recommend(STRATEGY_DISCUSSION, CHILD_IN_VIOLENT_RELATIONSHIP);
                        break;
                    }
                }
            });

    public static final Rule C6d = new Rule("C6d", "DDSCP strategy discussion criteria",
            "with a child in the household: DASH high risk; informal agreements broken down; adults unable to accept"
                    + " the impact on the child; contact arrangements with a risk of significant harm",
            (facts, ctx) -> {
                if (!facts.hasChildInHousehold()) {
                    return;
                }
                // DDSCP: "the DASH indicated high risk": 14 or more "yes", or the assessor graded the DASH HIGH.
                // A level raised only by call-outs (R2) or professional judgement (R3) is not the DASH's.
                if (ctx.dashCompleted() && (ctx.dashVisibleHighRisk() || ctx.assessedRiskLevel() == RiskLevel.HIGH)) {
                    ctx.recommend(STRATEGY_DISCUSSION, DASH_HIGH_RISK);
                }
                CaseFacts.Household household = facts.household();
                if (household.informalAgreementsBrokenDown()) {
                    ctx.recommend(STRATEGY_DISCUSSION, AGREEMENTS_BROKEN_DOWN);
                }
                if (household.adultsUnableToAcceptImpact()) {
                    ctx.recommend(STRATEGY_DISCUSSION, IMPACT_NOT_ACCEPTED);
                }
                if (household.contactArrangementsRisk()) {
                    ctx.recommend(STRATEGY_DISCUSSION, CONTACT_RISK);
                }
            });

    public static final Rule C7 = new Rule("C7", "SOL DVRIM scale 1; WM-2.25",
            "DVRIM scale 1 (moderate risk of harm to the child)",
            (facts, ctx) -> {
                if (dvrimScale(facts) == 1) {
                    ctx.recommend(SINGLE_AGENCY_SUPPORT);
                    ctx.recommend(CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE);
                }
            });

    public static final Rule C8 = new Rule("C8", "SOL DVRIM scale 2",
            "DVRIM scale 2 (moderate to serious risk of harm to the child)",
            (facts, ctx) -> {
                if (dvrimScale(facts) == 2) {
                    ctx.recommend(LEAD_PROFESSIONAL_FAMILY_SUPPORT);
                }
            });

    public static final Rule C9 = new Rule("C9", "SOL DVRIM scale 3; WM-2.25",
            "DVRIM scale 3 (serious risk of harm: child in need)",
            (facts, ctx) -> {
                if (dvrimScale(facts) == 3) {
                    ctx.recommend(REFER_CHILDRENS_SOCIAL_CARE, DVRIM_SCALE_3);
                }
            });

    public static final Rule C10 = new Rule("C10", "SOL DVRIM scale 4; WM-2.25",
            "DVRIM scale 4 (severe risk of harm: child in need of protection)",
            (facts, ctx) -> {
                if (dvrimScale(facts) == 4) {
                    ctx.recommend(REFER_CHILDRENS_SOCIAL_CARE, DVRIM_SCALE_4);
                    ctx.recommend(STRATEGY_DISCUSSION, DVRIM_SCALE_4);
                }
            });

    public static final Rule C11 = new Rule("C11", "DDSCP cumulative harm",
            "DVA plus parental mental ill health plus parental substance misuse in the same household",
            (facts, ctx) -> {
                if (facts.household().parentalMentalIllHealth() && facts.household().parentalSubstanceMisuse()) {
                    ctx.recommend(DISCUSS_CUMULATIVE_HARM);
                }
            });

    /**
     * Runs after every other children's rule and after R9, because it applies only when nothing
     * requires more than information and advice.
     */
    public static final Rule C4 = new Rule("C4", "WM-2.24 children's social care response to police notification",
            "incident assessed minor, no other risk indicators, risk level not HIGH, and no rule requires more",
            (facts, ctx) -> {
                // Only a notification about a child can be treated as information and advice.
                if (!facts.hasAnyChild() || facts.incident().severity() != Severity.MINOR || ctx.isHighRisk()) {
                    return;
                }
                if (hasOtherRiskIndicators(facts)) {
                    return;
                }
                // "No rule requires more": any referral or assessment for the children (from any section: R9's
                // referral of a victim under 16 counts) or a MARAC referral rules out information and advice only.
                // Multi-agency family support (C8) and a cumulative-harm discussion (C11) also ask for more.
                if (ctx.isRecommended(REFER_CHILDRENS_SOCIAL_CARE) || ctx.isRecommended(STRATEGY_DISCUSSION)
                        || ctx.isRecommended(CHILD_AND_FAMILY_ASSESSMENT) || ctx.isRecommended(CHILD_PROTECTION_PROCESS)
                        || ctx.isRecommended(REFER_MARAC) || ctx.isRecommended(LEAD_PROFESSIONAL_FAMILY_SUPPORT)
                        || ctx.isRecommended(DISCUSS_CUMULATIVE_HARM)) {
                    return;
                }
                ctx.recommend(INFORMATION_AND_ADVICE_PERMITTED);
            });

    /**
     * WM-2.24: information and advice only if "there are no other indicators of risk". Besides the
     * recorded flag, any circumstance the procedures name as raising the risk to children counts:
     * serious violence, escalation, honour-based violence or forced marriage, parental mental ill
     * health or substance misuse, the DDSCP household concerns, and a child harmed, a witness to
     * serious harm or in a violent relationship.
     */
    static boolean hasOtherRiskIndicators(CaseFacts facts) {
        CaseFacts.Incident incident = facts.incident();
        CaseFacts.Household household = facts.household();
        return incident.otherRiskIndicators() || incident.involvedSeriousViolence() || incident.escalating()
                || incident.honourBasedViolence() || incident.forcedMarriage()
                || household.parentalMentalIllHealth() || household.parentalSubstanceMisuse()
                || household.informalAgreementsBrokenDown() || household.adultsUnableToAcceptImpact()
                || household.contactArrangementsRisk()
                || anyChild(facts, Child::harmed) || anyChild(facts, Child::witnessedSeriousHarm)
                || anyChild(facts, Child::inViolentRelationship);
    }

    private static boolean anyChild(CaseFacts facts, java.util.function.Predicate<Child> test) {
        for (Child child : facts.children()) {
            if (child.isChild() && test.test(child)) {
                return true;
            }
        }
        return false;
    }

    private static int dvrimScale(CaseFacts facts) {
        return facts.dvrimScale() == null ? 0 : facts.dvrimScale();
    }
}
