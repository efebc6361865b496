package org.waymark.risk.rules;

import static org.waymark.risk.ActionCode.CHILD_PROTECTION_PROCESS;
import static org.waymark.risk.ActionCode.COMPLETE_DASH;
import static org.waymark.risk.ActionCode.COPY_MARAC_REFERRAL_TO_MASH;
import static org.waymark.risk.ActionCode.MAPPA_LEADS;
import static org.waymark.risk.ActionCode.REFER_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.REFER_IDVA;
import static org.waymark.risk.ActionCode.REFER_MARAC;
import static org.waymark.risk.ActionCode.REFER_SPOC;
import static org.waymark.risk.ReasonCode.HONOUR_BASED_VIOLENCE;
import static org.waymark.risk.ReasonCode.POTENTIAL_ESCALATION;
import static org.waymark.risk.ReasonCode.PROFESSIONAL_JUDGEMENT;
import static org.waymark.risk.ReasonCode.REPEAT_WITHIN_12_MONTHS;
import static org.waymark.risk.ReasonCode.UNBORN_CHILD;
import static org.waymark.risk.ReasonCode.VICTIM_UNDER_16;
import static org.waymark.risk.ReasonCode.VISIBLE_HIGH_RISK;

import org.waymark.risk.CaseFacts;
import org.waymark.risk.RiskLevel;

/** Section A of decision-rules.md: risk level and MARAC. */
public final class RiskAndMaracRules {

    private RiskAndMaracRules() {
    }

    public static final Rule R1 = new Rule("R1", "WM-2.24 MARAC criteria",
            "DASH checklist has 14 or more \"yes\" answers (visible high risk)",
            (facts, ctx) -> {
                if (ctx.dashVisibleHighRisk()) {
                    ctx.raiseRiskToHigh();
                    ctx.recommend(REFER_MARAC, VISIBLE_HIGH_RISK);
                }
            });

    public static final Rule R2 = new Rule("R2", "WM-2.24 MARAC criteria; SafeLives referral criteria",
            "police call-outs to this victim in the last 12 months, counting this one, reach the escalation threshold",
            (facts, ctx) -> {
                if (facts.policeCalloutsLast12Months() >= ctx.profile().escalationThreshold()) {
                    ctx.raiseRiskToHigh();
                    ctx.recommend(REFER_MARAC, POTENTIAL_ESCALATION);
                }
            });

    public static final Rule R3 = new Rule("R3", "WM-2.24 MARAC criteria (professional judgement); SafeLives",
            "a practitioner records professional judgement of serious concern, or grades the risk HIGH below"
                    + " 14 \"yes\"",
            (facts, ctx) -> {
                // An assessor who grades HIGH without 14 "yes" has made exactly this judgement (SafeLives: refer on
                // professional judgement below 14; SOL and DDSCP: every case assessed high risk goes to MARAC).
                // Without this, a victim graded HIGH would get neither MARAC nor, under R11, a SPOC referral.
                boolean assessorGradedHighBelowVisibleRisk =
                        facts.assessedRiskLevel() == RiskLevel.HIGH && !ctx.dashVisibleHighRisk();
                if (facts.professionalJudgementSeriousConcern() || assessorGradedHighBelowVisibleRisk) {
                    ctx.raiseRiskToHigh();
                    ctx.recommend(REFER_MARAC, PROFESSIONAL_JUDGEMENT);
                }
            });

    public static final Rule R4 = new Rule("R4", "SafeLives repeat definition",
            "victim was referred to MARAC within the last 12 months and there is further abuse",
            (facts, ctx) -> {
                if (referredWithinWindow(facts, ctx)) {
                    ctx.recommend(REFER_MARAC, REPEAT_WITHIN_12_MONTHS);
                }
            });

    public static final Rule R4d = new Rule("R4d", "DDSCP re-referral",
            "as R4, but only when the new incident is assessed MEDIUM or HIGH",
            (facts, ctx) -> {
                // The level as it stands after R1 to R3: a DASH of 14 "yes" is assessed HIGH too.
                RiskLevel level = ctx.riskLevel();
                if (referredWithinWindow(facts, ctx) && (level == RiskLevel.MEDIUM || level == RiskLevel.HIGH)) {
                    ctx.recommend(REFER_MARAC, REPEAT_WITHIN_12_MONTHS);
                }
            });

    public static final Rule R5 = new Rule("R5", "DDSCP MARAC (medium risk with serious concern)",
            "assessed MEDIUM and professional judgement considers the risk serious",
            (facts, ctx) -> {
                // "Assessed" is the level before R3 raised it, so the DDSCP route shows in the explanation.
                if (ctx.assessedRiskLevel() == RiskLevel.MEDIUM && facts.professionalJudgementSeriousConcern()) {
                    ctx.recommend(REFER_MARAC, PROFESSIONAL_JUDGEMENT);
                }
            });

    public static final Rule R9 = new Rule("R9", "WM-2.24 Referral to MARAC (adult victims only)",
            "victim under 16: no MARAC referral whatever the other rules say; child protection instead",
            (facts, ctx) -> {
                Integer age = facts.victim().ageYears();
                if (age != null && age < 16) {
                    ctx.ruleOut(REFER_MARAC);
                    ctx.recommend(CHILD_PROTECTION_PROCESS, VICTIM_UNDER_16);
                    ctx.recommend(REFER_CHILDRENS_SOCIAL_CARE, VICTIM_UNDER_16);
                }
            });

    public static final Rule R6 = new Rule("R6", "DDSCP; WOLV (every MARAC case gets an IDVA)",
            "any MARAC referral",
            (facts, ctx) -> {
                if (ctx.isRecommended(REFER_MARAC)) {
                    ctx.recommend(REFER_IDVA);
                }
            });

    public static final Rule R7 = new Rule("R7", "WM-2.24 Referral to MARAC (unborn child)",
            "a MARAC referral and an unborn child (including a pregnant victim)",
            (facts, ctx) -> {
                if (ctx.isRecommended(REFER_MARAC) && facts.hasUnbornChild()) {
                    ctx.recommend(COPY_MARAC_REFERRAL_TO_MASH, UNBORN_CHILD);
                }
            });

    public static final Rule R8 = new Rule("R8", "WM-2.25 MAPPA precedence; SOL",
            "perpetrator managed at MAPPA level 2 or 3",
            (facts, ctx) -> {
                if (facts.perpetrator().mappaLevel() >= 2) {
                    ctx.recommend(MAPPA_LEADS);
                }
            });

    public static final Rule R10 = new Rule("R10", "WM-2.25 (young people aged 16 and 17)",
            "victim aged 16 or 17: child protection processes as well as the MARAC rules",
            (facts, ctx) -> {
                Integer age = facts.victim().ageYears();
                if (age != null && (age == 16 || age == 17)) {
                    ctx.recommend(CHILD_PROTECTION_PROCESS);
                }
            });

    public static final Rule R11 = new Rule("R11", "WOLV single point of contact",
            "standard or medium risk (no MARAC referral) and the victim consents",
            (facts, ctx) -> {
                // A level not yet graded is not high: the offer of support should not wait for it.
                if (!ctx.isHighRisk() && !ctx.isRecommended(REFER_MARAC) && facts.victimConsentsToSpocReferral()) {
                    ctx.recommend(REFER_SPOC);
                }
            });

    public static final Rule R12 = new Rule("R12", "SOL police response (DASH mandatory for HBV and forced marriage)",
            "honour-based violence or forced marriage indicated and no DASH completed",
            (facts, ctx) -> {
                CaseFacts.Incident incident = facts.incident();
                if ((incident.honourBasedViolence() || incident.forcedMarriage()) && !ctx.dashCompleted()) {
                    ctx.recommend(COMPLETE_DASH, HONOUR_BASED_VIOLENCE);
                }
            });

    /** "Within 12 months": 11 completed months is within, 12 is not (the repeat window of D6). */
    private static boolean referredWithinWindow(CaseFacts facts, RuleContext ctx) {
        Integer months = facts.monthsSinceLastMaracReferral();
        return months != null && months < ctx.profile().repeatWindowMonths();
    }
}
