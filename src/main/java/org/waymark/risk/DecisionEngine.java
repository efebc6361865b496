package org.waymark.risk;

import java.util.Objects;

import org.waymark.risk.rules.Rule;
import org.waymark.risk.rules.RuleBook;
import org.waymark.risk.rules.RuleContext;

/**
 * Applies the procedures' decision rules (decision-rules.md sections A to C) to one case under
 * one partnership profile.
 *
 * <p>Pure and thread-safe: no I/O, no clock, no shared mutable state. One instance serves every
 * request. The DASH "yes" count and the visible-high-risk threshold (14) come from the DASH
 * instrument the engine is built with, so a licensed replacement of the checklist is scored by
 * its own data.
 */
public final class DecisionEngine {

    private final Instrument dash;
    private final int visibleHighRisk;

    /**
     * @param dash the DASH risk identification checklist; it must define the
     *             {@value Instrument#VISIBLE_HIGH_RISK} threshold
     */
    public DecisionEngine(Instrument dash) {
        this.dash = Objects.requireNonNull(dash, "dash");
        this.visibleHighRisk = dash.threshold(Instrument.VISIBLE_HIGH_RISK)
                .orElseThrow(() -> new IllegalArgumentException("instrument " + dash.id() + " " + dash.version()
                        + " has no '" + Instrument.VISIBLE_HIGH_RISK + "' threshold"))
                .atLeast();
    }

    /** An engine using the latest shipped SafeLives DASH checklist. */
    public static DecisionEngine withShippedInstruments() {
        return new DecisionEngine(InstrumentCatalogue.shipped().latest(InstrumentCatalogue.DASH_RIC).orElseThrow());
    }

    /** The DASH instrument this engine scores with. */
    public Instrument dashInstrument() {
        return dash;
    }

    /**
     * Evaluates a case.
     *
     * @throws InvalidAnswersException when a DASH answer names a question outside the instrument
     */
    public Evaluation evaluate(CaseFacts facts, PartnershipProfile profile) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(profile, "profile");

        Integer yesCount = null;
        boolean visibleHigh = false;
        if (facts.dash() != null) {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(dash, facts.dash().answers(), "dash.answers");
            yesCount = score.yesCount();
            visibleHigh = score.visibleHighRisk();
        }

        RuleContext context = new RuleContext(profile, yesCount, visibleHigh, assessedLevel(facts, profile, yesCount));
        for (Rule rule : RuleBook.all()) {
            if (profile.runs(rule.id())) {
                context.run(rule, facts);
            }
        }
        return context.toEvaluation();
    }

    /**
     * The assessor's level stands. Only when there is none does the profile's banding read the
     * DASH count (local practice: 10 to 13 MEDIUM, 0 to 9 STANDARD); with neither, the level is
     * not known until a rule raises it.
     */
    private RiskLevel assessedLevel(CaseFacts facts, PartnershipProfile profile, Integer yesCount) {
        if (facts.assessedRiskLevel() != null) {
            return facts.assessedRiskLevel();
        }
        if (yesCount == null || profile.dashMediumFrom() == null) {
            return null;
        }
        if (yesCount >= visibleHighRisk) {
            return RiskLevel.HIGH;
        }
        return yesCount >= profile.dashMediumFrom() ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
    }
}
