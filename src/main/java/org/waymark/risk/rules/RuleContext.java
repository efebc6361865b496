package org.waymark.risk.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.waymark.risk.ActionCode;
import org.waymark.risk.CaseFacts;
import org.waymark.risk.Evaluation;
import org.waymark.risk.PartnershipProfile;
import org.waymark.risk.ReasonCode;
import org.waymark.risk.RecommendedAction;
import org.waymark.risk.RiskLevel;

/**
 * The working state of one evaluation: what the rules have decided so far. Created afresh for
 * every evaluation and never shared between threads.
 *
 * <p>Actions are merged as they are recommended: a second rule recommending the same action (for
 * the same child) adds its reason and rule id to the existing action instead of a duplicate.
 */
public final class RuleContext {

    private final PartnershipProfile profile;
    private final Integer dashYesCount;
    private final boolean dashVisibleHighRisk;
    private final RiskLevel assessedRiskLevel;
    private RiskLevel riskLevel;
    private final List<Draft> drafts = new ArrayList<>(16);
    private final EnumSet<ActionCode> ruledOut = EnumSet.noneOf(ActionCode.class);
    private Rule current;

    /**
     * @param dashYesCount        computed "yes" count, {@code null} when no DASH was completed
     * @param dashVisibleHighRisk whether the count reached the instrument's visible-high-risk threshold
     * @param assessedRiskLevel   the assessor's level, or the profile's banding of the DASH, or null
     */
    public RuleContext(PartnershipProfile profile, Integer dashYesCount, boolean dashVisibleHighRisk,
                       RiskLevel assessedRiskLevel) {
        this.profile = profile;
        this.dashYesCount = dashYesCount;
        this.dashVisibleHighRisk = dashVisibleHighRisk;
        this.assessedRiskLevel = assessedRiskLevel;
        this.riskLevel = assessedRiskLevel;
    }

    /** Runs one rule, so that what it recommends is attributed to it. */
    public void run(Rule rule, CaseFacts facts) {
        current = rule;
        try {
            rule.body().apply(facts, this);
        } finally {
            current = null;
        }
    }

    public PartnershipProfile profile() {
        return profile;
    }

    /** "Yes" answers on the DASH, or {@code null} when no DASH was completed. */
    public Integer dashYesCount() {
        return dashYesCount;
    }

    public boolean dashCompleted() {
        return dashYesCount != null;
    }

    public boolean dashVisibleHighRisk() {
        return dashVisibleHighRisk;
    }

    /** The level before any rule raised it: the assessor's, or the profile's DASH banding. */
    public RiskLevel assessedRiskLevel() {
        return assessedRiskLevel;
    }

    /** The level as it stands now (possibly raised by an earlier rule); {@code null} if unknown. */
    public RiskLevel riskLevel() {
        return riskLevel;
    }

    public boolean isHighRisk() {
        return riskLevel == RiskLevel.HIGH;
    }

    /** Rules only ever raise the level: the assessor's judgement is never lowered. */
    public void raiseRiskToHigh() {
        riskLevel = RiskLevel.HIGH;
    }

    public void recommend(ActionCode code) {
        recommend(code, null, null);
    }

    public void recommend(ActionCode code, ReasonCode reason) {
        recommend(code, reason, null);
    }

    /** Recommends an action that concerns one child, such as a school notification. */
    public void recommendForChild(ActionCode code, int childIndex) {
        recommend(code, null, childIndex);
    }

    /**
     * Removes an action and stops any later rule from recommending it (R9: no MARAC referral for a
     * victim under 16, whatever the other rules say).
     */
    public void ruleOut(ActionCode code) {
        ruledOut.add(code);
        drafts.removeIf(d -> d.code == code);
    }

    public boolean isRecommended(ActionCode code) {
        for (Draft draft : drafts) {
            if (draft.code == code) {
                return true;
            }
        }
        return false;
    }

    private void recommend(ActionCode code, ReasonCode reason, Integer childIndex) {
        if (current == null) {
            throw new IllegalStateException("recommend() outside a rule");
        }
        if (ruledOut.contains(code)) {
            return;
        }
        Draft draft = find(code, childIndex);
        if (draft == null) {
            draft = new Draft(code, childIndex);
            drafts.add(draft);
        }
        if (reason != null) {
            draft.reasons.add(reason);
        }
        if (!draft.rules.contains(current)) {
            draft.rules.add(current);
        }
    }

    private Draft find(ActionCode code, Integer childIndex) {
        for (Draft draft : drafts) {
            if (draft.code == code && Objects.equals(draft.childIndex, childIndex)) {
                return draft;
            }
        }
        return null;
    }

    /** The result: actions in the fixed order of {@link ActionCode}, then by child. */
    public Evaluation toEvaluation() {
        drafts.sort((a, b) -> a.code != b.code
                ? Integer.compare(a.code.ordinal(), b.code.ordinal())
                : Integer.compare(a.childIndex == null ? -1 : a.childIndex, b.childIndex == null ? -1 : b.childIndex));
        List<RecommendedAction> actions = new ArrayList<>(drafts.size());
        List<ReasonCode> maracCriteria = List.of();
        for (Draft draft : drafts) {
            RecommendedAction action = draft.toAction();
            if (action.code() == ActionCode.REFER_MARAC) {
                maracCriteria = action.reasons();
            }
            actions.add(action);
        }
        return new Evaluation(profile.id(), riskLevel, dashYesCount, maracCriteria, actions);
    }

    private static final class Draft {
        final ActionCode code;
        final Integer childIndex;
        final EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        final List<Rule> rules = new ArrayList<>(2);

        Draft(ActionCode code, Integer childIndex) {
            this.code = code;
            this.childIndex = childIndex;
        }

        RecommendedAction toAction() {
            List<String> ruleIds = new ArrayList<>(rules.size());
            List<String> sourceParts = new ArrayList<>(rules.size() * 2);
            for (Rule rule : rules) {
                ruleIds.add(rule.id());
                // Sources like "WM-2.24 MARAC criteria; SafeLives" are merged part by part, without repeats.
                for (String part : rule.source().split(";")) {
                    String trimmed = part.trim();
                    if (!sourceParts.contains(trimmed)) {
                        sourceParts.add(trimmed);
                    }
                }
            }
            return new RecommendedAction(code, List.copyOf(reasons), ruleIds, String.join("; ", sourceParts), childIndex);
        }
    }
}
