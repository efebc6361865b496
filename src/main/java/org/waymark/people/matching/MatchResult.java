package org.waymark.people.matching;

import java.util.List;

/**
 * The outcome of comparing two records.
 *
 * @param probability the calibrated probability (0..1) that both records are the same person, given
 *                    the model's prior for the population size
 * @param weight      the total evidence in bits: log2 of P(comparison | same person) /
 *                    P(comparison | different people); independent of the population size
 * @param reasons     the per-field evidence, strongest first
 */
public record MatchResult(double probability, double weight, boolean match, List<MatchReason> reasons) {

    public MatchResult {
        reasons = List.copyOf(reasons);
    }

    /** The score in 0..1 (the probability). */
    public double score() {
        return probability;
    }
}
