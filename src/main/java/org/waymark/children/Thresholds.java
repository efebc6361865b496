package org.waymark.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.waymark.risk.ActionCode;
import org.waymark.risk.Evaluation;
import org.waymark.risk.ReasonCode;
import org.waymark.risk.RecommendedAction;

/**
 * The lowest threshold response the rules allow for a police notification, and the checks on a triage
 * decision: information and advice only is refused unless rule C4 permits it (WM-2.24), and a response
 * lower than the rules recommend (including a decision not to refer) needs its own recorded rationale
 * (WM-2.24: "any decision (and its rationale) not to refer ... must be recorded"). Plain Java.
 */
public final class Thresholds {

    private Thresholds() {
    }

    /** Which recommended action calls for at least which response, and where that comes from. */
    static final Map<ActionCode, ThresholdOutcome> MINIMUM = Map.of(
            // C6, C6d, C10: the Section 47 circumstances (WM-2.24, DDSCP strategy discussion criteria, SOL DVRIM 4).
            ActionCode.STRATEGY_DISCUSSION, ThresholdOutcome.STRATEGY_DISCUSSION,
            // C1 (baby or unborn), C9 (DVRIM 3), R9 (victim under 16): refer to children's social care.
            ActionCode.REFER_CHILDRENS_SOCIAL_CARE, ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT,
            // C5: one serious or several lesser incidents with a child in the household (WM-2.24).
            ActionCode.CHILD_AND_FAMILY_ASSESSMENT, ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT,
            // R10: a victim of 16 or 17 is responded to through child protection procedures (WM-2.25).
            ActionCode.CHILD_PROTECTION_PROCESS, ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT,
            // C8: DVRIM scale 2 (SOL).
            ActionCode.LEAD_PROFESSIONAL_FAMILY_SUPPORT, ThresholdOutcome.LEAD_PROFESSIONAL_FAMILY_SUPPORT,
            // C7: DVRIM scale 1 (SOL, WM-2.25).
            ActionCode.SINGLE_AGENCY_SUPPORT, ThresholdOutcome.SINGLE_AGENCY_SUPPORT);

    /** One recommended action that sets the minimum, with its rules and reasons, for the explanation. */
    public record Basis(ActionCode action, List<String> rules, List<ReasonCode> reasons, String source) {
    }

    /**
     * @param outcome                        the lowest response the rules allow without a recorded reason
     * @param informationAndAdvicePermitted  rule C4 fired
     * @param because                        the actions that set {@code outcome}
     */
    public record Recommendation(ThresholdOutcome outcome, boolean informationAndAdvicePermitted, List<Basis> because) {
        public Recommendation {
            because = List.copyOf(because);
        }
    }

    public static Recommendation recommend(Evaluation evaluation) {
        boolean permitted = evaluation.recommends(ActionCode.INFORMATION_AND_ADVICE_PERMITTED);
        ThresholdOutcome outcome = permitted ? ThresholdOutcome.INFORMATION_AND_ADVICE
                : ThresholdOutcome.SINGLE_AGENCY_SUPPORT;
        for (RecommendedAction action : evaluation.actions()) {
            ThresholdOutcome minimum = MINIMUM.get(action.code());
            if (minimum != null && outcome.lowerThan(minimum)) {
                outcome = minimum;
            }
        }
        List<Basis> because = new ArrayList<>();
        for (RecommendedAction action : evaluation.actions()) {
            if (MINIMUM.get(action.code()) == outcome
                    || (permitted && action.code() == ActionCode.INFORMATION_AND_ADVICE_PERMITTED)) {
                because.add(new Basis(action.code(), action.rules(), action.reasons(), action.source()));
            }
        }
        return new Recommendation(outcome, permitted, because);
    }

    /** A field at fault in a triage decision, with the message to show. */
    public record Problem(String field, String message) {
    }

    public static List<Problem> check(ThresholdOutcome chosen, Recommendation recommendation, String lowerOutcomeRationale) {
        List<Problem> problems = new ArrayList<>();
        if (chosen == null) {
            problems.add(new Problem("outcome", "Select the threshold decision"));
            return problems;
        }
        if (chosen == ThresholdOutcome.INFORMATION_AND_ADVICE && !recommendation.informationAndAdvicePermitted()) {
            problems.add(new Problem("outcome", "Information and advice only is not allowed for this notification: rule C4"
                    + " (WM-2.24) allows it only for a minor incident with no other risk indicators, a risk level that"
                    + " is not high and no other children's rule requiring more. The rules recommend at least: "
                    + recommendation.outcome().label().toLowerCase(java.util.Locale.UK) + "."));
        } else if (chosen.lowerThan(recommendation.outcome())
                && (lowerOutcomeRationale == null || lowerOutcomeRationale.isBlank())) {
            problems.add(new Problem("lowerOutcomeRationale", "Say why you are deciding on a lower response than the rules"
                    + " recommend (" + recommendation.outcome().label().toLowerCase(java.util.Locale.UK) + ")"));
        }
        return problems;
    }
}
