package org.waymark.risk.rules;

import java.util.Objects;

import org.waymark.risk.CaseFacts;

/**
 * One row of the rule table in decision-rules.md.
 *
 * @param id     the row's id (R1, C3d, A4...), quoted in every action the rule produces
 * @param source the procedure paragraph the rule comes from, shown to practitioners
 * @param when   the condition in plain words, as the table states it
 * @param body   the condition and outcome in code; pure: reads the facts, writes only to the context
 */
public record Rule(String id, String source, String when, Body body) {

    /** The condition and outcome of a rule. Implementations must be stateless. */
    @FunctionalInterface
    public interface Body {
        void apply(CaseFacts facts, RuleContext context);
    }

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(body, "body");
    }
}
