package org.waymark.children;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.waymark.risk.ActionCode;
import org.waymark.risk.Evaluation;
import org.waymark.risk.ReasonCode;
import org.waymark.risk.RecommendedAction;

import static org.assertj.core.api.Assertions.assertThat;

/** The threshold a triage decision may reach without a recorded reason, and the checks on the decision. */
class ThresholdsTest {

    static RecommendedAction action(ActionCode code, String rule, ReasonCode... reasons) {
        return new RecommendedAction(code, List.of(reasons), List.of(rule), "source of " + rule, null);
    }

    static Evaluation evaluation(RecommendedAction... actions) {
        return new Evaluation("national", null, null, List.of(), List.of(actions));
    }

    @Test
    void informationAndAdviceIsTheRecommendationOnlyWhenC4PermitsIt() {
        Thresholds.Recommendation permitted = Thresholds.recommend(evaluation(
                action(ActionCode.INFORMATION_AND_ADVICE_PERMITTED, "C4"), action(ActionCode.SAFETY_PLAN, "A2")));
        assertThat(permitted.outcome()).isEqualTo(ThresholdOutcome.INFORMATION_AND_ADVICE);
        assertThat(permitted.informationAndAdvicePermitted()).isTrue();
        assertThat(Thresholds.check(ThresholdOutcome.INFORMATION_AND_ADVICE, permitted, null)).isEmpty();

        Thresholds.Recommendation notPermitted = Thresholds.recommend(evaluation(action(ActionCode.SAFETY_PLAN, "A2")));
        assertThat(notPermitted.outcome()).isEqualTo(ThresholdOutcome.SINGLE_AGENCY_SUPPORT);
        assertThat(notPermitted.informationAndAdvicePermitted()).isFalse();
    }

    @Test
    void informationAndAdviceIsRefusedWithTheReasonWhenC4DoesNotPermitItEvenWithARationale() {
        Thresholds.Recommendation recommendation = Thresholds.recommend(evaluation(action(ActionCode.SAFETY_PLAN, "A2")));
        List<Thresholds.Problem> problems = Thresholds.check(ThresholdOutcome.INFORMATION_AND_ADVICE, recommendation,
                "We think it is minor");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("outcome");
            assertThat(p.message()).contains("rule C4").contains("not allowed");
        });
    }

    @Test
    void eachRuleSetsItsMinimumResponse() {
        assertThat(Thresholds.recommend(evaluation(action(ActionCode.SINGLE_AGENCY_SUPPORT, "C7"))).outcome())
                .isEqualTo(ThresholdOutcome.SINGLE_AGENCY_SUPPORT);
        assertThat(Thresholds.recommend(evaluation(action(ActionCode.LEAD_PROFESSIONAL_FAMILY_SUPPORT, "C8"))).outcome())
                .isEqualTo(ThresholdOutcome.LEAD_PROFESSIONAL_FAMILY_SUPPORT);
        assertThat(Thresholds.recommend(evaluation(action(ActionCode.REFER_CHILDRENS_SOCIAL_CARE, "C1",
                ReasonCode.CHILD_UNDER_12_MONTHS))).outcome()).isEqualTo(ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT);
        assertThat(Thresholds.recommend(evaluation(action(ActionCode.CHILD_AND_FAMILY_ASSESSMENT, "C5"))).outcome())
                .isEqualTo(ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT);
        Thresholds.Recommendation strategy = Thresholds.recommend(evaluation(
                action(ActionCode.REFER_CHILDRENS_SOCIAL_CARE, "C10", ReasonCode.DVRIM_SCALE_4),
                action(ActionCode.STRATEGY_DISCUSSION, "C10", ReasonCode.DVRIM_SCALE_4)));
        assertThat(strategy.outcome()).isEqualTo(ThresholdOutcome.STRATEGY_DISCUSSION);
        assertThat(strategy.because()).extracting(Thresholds.Basis::action).containsExactly(ActionCode.STRATEGY_DISCUSSION);
    }

    @Test
    void aLowerResponseThanRecommendedNeedsItsOwnRationale() {
        Thresholds.Recommendation recommendation = Thresholds.recommend(evaluation(
                action(ActionCode.REFER_CHILDRENS_SOCIAL_CARE, "C1", ReasonCode.CHILD_UNDER_12_MONTHS)));
        assertThat(Thresholds.check(ThresholdOutcome.SINGLE_AGENCY_SUPPORT, recommendation, null))
                .singleElement().extracting(Thresholds.Problem::field).isEqualTo("lowerOutcomeRationale");
        assertThat(Thresholds.check(ThresholdOutcome.SINGLE_AGENCY_SUPPORT, recommendation, "  ")).hasSize(1);
        assertThat(Thresholds.check(ThresholdOutcome.SINGLE_AGENCY_SUPPORT, recommendation,
                "Health visiting already supports the family daily; mother engaging")).isEmpty();
        // The recommended response or a higher one needs no extra reason.
        assertThat(Thresholds.check(ThresholdOutcome.CHILD_IN_NEED_ASSESSMENT, recommendation, null)).isEmpty();
        assertThat(Thresholds.check(ThresholdOutcome.STRATEGY_DISCUSSION, recommendation, null)).isEmpty();
        assertThat(Thresholds.check(null, recommendation, null)).extracting(Thresholds.Problem::field).containsExactly("outcome");
    }
}
