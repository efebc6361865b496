package org.waymark.people.matching;

import java.util.Locale;

/**
 * Estimates, from the candidate pairs of the data itself, the match prior (how many other records of
 * the same person a record has) and the P(level | same person) of every field, by
 * expectation-maximisation: each candidate pair counts towards the same-person levels with its current
 * probability of being the same person. The defaults act as a Dirichlet prior worth
 * {@code priorPairs} pairs, so a small or unusual input cannot pull the model far. The household and
 * unrelated-people probabilities stay fixed (they come from term frequencies and general knowledge).
 * <p>
 * Only the pairs kept by the batch (those with some evidence) take part; pairs left out had a
 * negligible probability of being the same person and would contribute almost nothing.
 */
public final class Estimation {

    /** The outcome: the fitted model, and the evidence of each pair updated to it. */
    public record Result(MatchModel model, double matchesPerRecord, int iterations) {
    }

    private Estimation() {
    }

    /**
     * @param levels per pair, {@link MatchScorer#FIELD_COUNT} levels (-1 missing), pair after pair
     * @param vsH    per pair, bits against the household class: updated in place
     * @param vsU    per pair, bits against unrelated people: updated in place
     */
    public static Result estimate(MatchModel start, byte[] levels, float[] vsH, float[] vsU, int pairs,
            long population, double pairsPerRecordFactor, double priorPairs, int maxIterations, boolean fitM) {
        int fields = MatchScorer.FIELD_COUNT;
        double[][] m = new double[fields][];
        double[][] prior = new double[fields][];
        for (int f = 0; f < fields; f++) {
            m[f] = start.mProbabilities(f);
            prior[f] = start.mProbabilities(f);
        }
        double d = start.matchesPerRecord();
        double[] p = new double[pairs];
        int it = 0;
        MatchModel current = start;
        for (; it < maxIterations; it++) {
            double sum = 0;
            for (int e = 0; e < pairs; e++) {
                p[e] = current.probability(vsH[e], vsU[e], population, d);
                sum += p[e];
            }
            double nextD = Math.min(20, Math.max(0.05, pairsPerRecordFactor * sum / Math.max(1, population)));
            double change = Math.abs(nextD - d);
            d = nextD;
            if (fitM) {
                double[][] counts = new double[fields][];
                for (int f = 0; f < fields; f++) {
                    counts[f] = new double[m[f].length];
                }
                for (int e = 0; e < pairs; e++) {
                    int base = e * fields;
                    for (int f = 0; f < fields; f++) {
                        int l = levels[base + f];
                        if (l >= 0) {
                            counts[f][l] += p[e];
                        }
                    }
                }
                double[][] next = new double[fields][];
                for (int f = 0; f < fields; f++) {
                    double total = 0;
                    for (double c : counts[f]) {
                        total += c;
                    }
                    next[f] = new double[m[f].length];
                    for (int l = 0; l < next[f].length; l++) {
                        next[f][l] = Math.max(1e-4, (counts[f][l] + priorPairs * prior[f][l]) / (total + priorPairs));
                    }
                    capIdentityConflicts(f, next[f], prior[f]);
                    change = Math.max(change, maxDiff(next[f], m[f]));
                }
                // move each pair's evidence to the new m
                for (int e = 0; e < pairs; e++) {
                    int base = e * fields;
                    double delta = 0;
                    for (int f = 0; f < fields; f++) {
                        int l = levels[base + f];
                        if (l >= 0) {
                            delta += MatchScorer.log2(next[f][l]) - MatchScorer.log2(m[f][l]);
                        }
                    }
                    vsH[e] += (float) delta;
                    vsU[e] += (float) delta;
                }
                m = next;
            }
            current = start.withM(m, d);
            if (change < 1e-4) {
                it++;
                break;
            }
        }
        return new Result(start.withM(m, d), d, it);
    }

    /**
     * EM cannot tell twins from one person (it has no labels), so the levels that say "a different
     * person" (given names unrelated, dates of birth unrelated, sex differs, two valid NHS numbers
     * differ) may not rise above {@link #CAP_FACTOR} times their defaults (heavily corrupted data
     * legitimately raises them a few times over).
     */
    private static void capIdentityConflicts(int field, double[] m, double[] defaults) {
        int[] capped = switch (field) {
            case MatchModel.GIVEN -> new int[] {MatchModel.G_DIFFERENT};
            case MatchModel.DOB -> new int[] {MatchModel.D_DIFFERENT, MatchModel.D_FAR};
            case MatchModel.SEX -> new int[] {MatchModel.X_DIFFERENT};
            case MatchModel.NHS -> new int[] {MatchModel.I_DIFFERENT};
            default -> new int[0];
        };
        if (capped.length == 0) {
            return;
        }
        double freed = 0;
        for (int l : capped) {
            double cap = CAP_FACTOR * defaults[l];
            if (m[l] > cap) {
                freed += m[l] - cap;
                m[l] = cap;
            }
        }
        if (freed > 0) {
            double rest = 0;
            for (int l = 0; l < m.length; l++) {
                if (!contains(capped, l)) {
                    rest += m[l];
                }
            }
            for (int l = 0; l < m.length; l++) {
                if (!contains(capped, l)) {
                    m[l] += freed * m[l] / rest;
                }
            }
        }
    }

    /** How far above its default a "different person" level may be estimated (a guard, rarely reached). */
    static final double CAP_FACTOR = 10;

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    private static double maxDiff(double[] a, double[] b) {
        double x = 0;
        for (int i = 0; i < a.length; i++) {
            x = Math.max(x, Math.abs(a[i] - b[i]));
        }
        return x;
    }

    /** The fitted P(level | same person) values, one line per field, for the progress log. */
    public static String describe(MatchModel model) {
        String[] names = {"given", "surname", "middle", "dob", "sex", "location", "phone", "nhs", "reference"};
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < names.length; f++) {
            b.append(String.format(Locale.ROOT, "  m[%s] =", names[f]));
            for (double v : model.mProbabilities(f)) {
                b.append(String.format(Locale.ROOT, " %.3f", v));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
