package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared engine and profiles for the rule tests (both are immutable and thread-safe). */
public abstract class RulesTestSupport {

    protected static final DecisionEngine ENGINE = DecisionEngine.withShippedInstruments();
    protected static final ProfileCatalogue PROFILES = ProfileCatalogue.shipped();

    protected static Evaluation national(Case c) {
        return evaluate(c, "national");
    }

    protected static Evaluation evaluate(Case c, String profile) {
        return ENGINE.evaluate(c.build(), PROFILES.require(profile));
    }

    /** The one action with this code; fails the test if it is missing. */
    protected static RecommendedAction action(Evaluation evaluation, ActionCode code) {
        assertThat(evaluation.actions(code)).as("actions %s in %s", code, evaluation.actions()).hasSize(1);
        return evaluation.action(code).orElseThrow();
    }
}
