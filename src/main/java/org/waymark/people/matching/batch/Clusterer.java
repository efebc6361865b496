package org.waymark.people.matching.batch;

import java.io.IOException;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.waymark.people.matching.MatchModel;
import org.waymark.people.matching.MatchScorer;
import org.waymark.people.matching.PreparedRecord;

/**
 * Groups the records judged the same person. Links are taken strongest first (union-find), but two
 * groups are not merged when a record of one and a record of the other clearly conflict (given names
 * unrelated, dates of birth unrelated, different sex or different valid NHS numbers) and together have
 * a low probability of being one person: that is how twins and namesakes are kept apart when a third,
 * sparse record resembles both.
 */
final class Clusterer {
    private final MatchScorer scorer;
    private final MatchModel model;
    private final PreparedRecord[] recs;
    private final long population;
    private final double d;
    private final BatchLinker.Options options;
    private final int[] parent;
    private final int[] size;
    /** circular linked list of the members of each group. */
    private final int[] next;
    int vetoed;
    /** Each vote is weighted by its evidence in bits (log-odds), clipped at this many bits. */
    private static final double CLIP = 10;

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return Math.log(q / (1 - q)) / Math.log(2);
    }


    Clusterer(MatchScorer scorer, MatchModel model, PreparedRecord[] recs, long population, double d,
            BatchLinker.Options options) {
        this.scorer = scorer;
        this.model = model;
        this.recs = recs;
        this.population = population;
        this.d = d;
        this.options = options;
        int n = recs.length;
        parent = new int[n];
        size = new int[n];
        next = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = i;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    boolean merge(int x, int y) {
        int rx = find(x);
        int ry = find(y);
        if (rx == ry) {
            return false;
        }
        if (size[rx] + size[ry] > options.maxCluster()) {
            vetoed++;
            return false;
        }
        if ((long) size[rx] * size[ry] <= 10_000) {
            // every cross pair votes: for (probability at least the threshold) or against (an identity
            // field clearly disagrees and the probability is below the veto level), weighted by its
            // log-odds; the merge is refused when the weighted votes against outweigh those for
            // (votes against count voteRatio times)
            double support = 0;
            double against = 0;
            int u = rx;
            do {
                int v = ry;
                do {
                    double[] e = scorer.assess(recs[u], recs[v]);
                    if (e[3] > 0) {
                        // two valid NHS numbers that differ: the check digit rules out a mistyping
                        vetoed++;
                        return false;
                    }
                    double p = model.probability(e[0], e[1], population, d);
                    if (p >= model.threshold()) {
                        support += Math.min(CLIP, logit(p));
                    } else if (e[2] > 0 && p < options.vetoProbability()) {
                        against += Math.min(CLIP, -logit(p));
                    }
                    v = next[v];
                } while (v != ry);
                u = next[u];
            } while (u != rx);
            if (against * options.voteRatio() > support) {
                vetoed++;
                return false;
            }
        }
        if (size[rx] < size[ry]) {
            int t = rx;
            rx = ry;
            ry = t;
        }
        parent[ry] = rx;
        size[rx] += size[ry];
        int t = next[rx];
        next[rx] = next[ry];
        next[ry] = t;
        return true;
    }

    /** Writes every pair within each group; returns {pairs written, groups}. */
    long[] write(CSVPrinter printer, byte[] source) throws IOException {
        long pairs = 0;
        int groups = 0;
        int[] members = new int[options.maxCluster() + 1];
        for (int r = 0; r < parent.length; r++) {
            if (parent[r] != r || size[r] < 2) {
                continue;
            }
            groups++;
            int k = 0;
            int m = r;
            do {
                members[k++] = m;
                m = next[m];
            } while (m != r);
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    int a = members[i];
                    int b = members[j];
                    if (source != null) {
                        if (source[a] == source[b]) {
                            continue;
                        }
                        if (source[a] == 1) {
                            int t = a;
                            a = b;
                            b = t;
                        }
                    }
                    double[] e = scorer.assess(recs[a], recs[b]);
                    double p = model.probability(e[0], e[1], population, d);
                    printer.printRecord(recs[a].id(), recs[b].id(), String.format(Locale.ROOT, "%.4f", p));
                    pairs++;
                }
            }
        }
        return new long[] {pairs, groups};
    }
}
