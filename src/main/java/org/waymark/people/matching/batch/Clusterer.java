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
 * sparse record resembles both. Nor are two groups merged when each has its own confirmed date of
 * birth (given by at least two of its records that are not copies of one another) and the two differ
 * other than by day and month swapped.
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
    /** a hash of each record's content (all but the id): copies of one record are one witness, not two. */
    private final long[] content;
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
        content = new long[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> content[i] = contentHash(recs[i]));
    }

    private static long contentHash(PreparedRecord r) {
        StringBuilder b = new StringBuilder(96);
        b.append(r.given() == null ? "" : r.given().normalised()).append('|')
                .append(r.surname() == null ? "" : r.surname().normalised()).append('|');
        for (var o : r.otherNames()) {
            b.append(o.normalised()).append(',');
        }
        b.append('|').append(r.dateOfBirthDigits()).append('|').append(r.postcode()).append('|').append(r.phone())
                .append('|').append(r.nhsNumber()).append('|').append(r.reference()).append('|');
        for (String t : r.addressTokens()) {
            b.append(t).append(' ');
        }
        return org.waymark.people.matching.BlockingKeys.hash(b.toString());
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
        String dx = confirmedDob(rx);
        if (dx != null) {
            String dy = confirmedDob(ry);
            if (dy != null && !dx.equals(dy) && !daysAndMonthsSwapped(dx, dy)) {
                // each group has its own date of birth, confirmed by at least two of its records: a
                // mistyped date is rarely typed the same way twice, so these are two people (namesakes,
                // a father and son of the same name, a sibling) however alike the linking records are.
                // Day and month swapped is the exception: one agency's habit repeats the same way
                vetoed++;
                return false;
            }
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

    /**
     * For each record without a date of birth, its candidate links (other record, probability): the
     * groups it could join. Compressed rows; only links with a probability of at least
     * {@link #COMPETITOR_FLOOR}.
     */
    static final class Neighbours {
        static final double COMPETITOR_FLOOR = 0.02;
        final int[] start;
        final int[] other;
        final float[] prob;

        private Neighbours(int[] start, int[] other, float[] prob) {
            this.start = start;
            this.other = other;
            this.prob = prob;
        }

        static Neighbours of(Edges edges, boolean[] sparse, MatchModel model, long population, double d, int n) {
            int[] start = new int[n + 1];
            for (int e = 0; e < edges.size; e++) {
                if (sparse[edges.a[e]] || sparse[edges.b[e]]) {
                    double p = model.probability(edges.vsH[e], edges.vsU[e], population, d);
                    if (p >= COMPETITOR_FLOOR) {
                        if (sparse[edges.a[e]]) {
                            start[edges.a[e] + 1]++;
                        }
                        if (sparse[edges.b[e]]) {
                            start[edges.b[e] + 1]++;
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] other = new int[start[n]];
            float[] prob = new float[start[n]];
            int[] fill = java.util.Arrays.copyOf(start, n);
            for (int e = 0; e < edges.size; e++) {
                int a = edges.a[e];
                int b = edges.b[e];
                if (sparse[a] || sparse[b]) {
                    double p = model.probability(edges.vsH[e], edges.vsU[e], population, d);
                    if (p >= COMPETITOR_FLOOR) {
                        if (sparse[a]) {
                            other[fill[a]] = b;
                            prob[fill[a]++] = (float) p;
                        }
                        if (sparse[b]) {
                            other[fill[b]] = a;
                            prob[fill[b]++] = (float) p;
                        }
                    }
                }
            }
            return new Neighbours(start, other, prob);
        }
    }

    /**
     * True when record {@code x} (without a date of birth, not yet in a group) should not join the group
     * of {@code y} although their link has probability {@code prob}: a record is one person, so when it
     * resembles several groups that are certainly different people (each with its own confirmed date of
     * birth: namesakes, a father and son) the chance it is {@code y}'s is the odds of that link over one
     * plus the odds of every such group (the best link to each). Only then is the link judged against
     * the threshold; a record alike to one group only is unchanged.
     */
    boolean ambiguous(int x, int y, double prob, Neighbours nb) {
        int rx = find(x);
        if (size[rx] != 1) {
            return false;
        }
        int ry = find(y);
        int from = nb.start[x];
        int to = nb.start[x + 1];
        if (to - from <= 1) {
            return false;
        }
        String targetDob = confirmedDob(ry);
        if (targetDob == null) {
            return false;
        }
        double target = odds(prob);
        java.util.Map<Integer, Double> best = new java.util.HashMap<>();
        for (int k = from; k < to; k++) {
            int r = find(nb.other[k]);
            if (r != ry && r != rx) {
                best.merge(r, odds(nb.prob[k]), Math::max);
            }
        }
        double others = 0;
        for (var c : best.entrySet()) {
            // a rival only when it can never be the same person: its own confirmed date of birth
            String dob = confirmedDob(c.getKey());
            if (dob != null && !dob.equals(targetDob) && !daysAndMonthsSwapped(dob, targetDob)) {
                others += c.getValue();
            }
        }
        return target / (1 + target + others) < model.threshold();
    }

    private static double odds(double p) {
        double q = Math.min(p, 1 - 1e-9);
        return q / (1 - q);
    }

    /**
     * The date of birth a group agrees on: the most frequent one among its members, when at least two
     * records that are not copies of one another give it and no other date is as frequent; else null.
     * 1 January (a common stand-in for an unknown day and month) and impossible dates are left out.
     */
    String confirmedDob(int root) {
        if (size[root] < 2) {
            return null;
        }
        // (date, content) of the members that give a date, sorted; count distinct contents per date
        String[] dates = new String[size[root]];
        long[] contents = new long[size[root]];
        Integer[] idx = new Integer[size[root]];
        int k = 0;
        int u = root;
        do {
            String d = recs[u].dateOfBirthDigits();
            if (d != null && !d.endsWith("0101") && isCalendarDate(d)) {
                dates[k] = d;
                contents[k] = content[u];
                idx[k] = k;
                k++;
            }
            u = next[u];
        } while (u != root);
        if (k < 2) {
            return null;
        }
        java.util.Arrays.sort(idx, 0, k, (x, y) -> {
            int c = dates[x].compareTo(dates[y]);
            return c != 0 ? c : Long.compare(contents[x], contents[y]);
        });
        String best = null;
        int bestCount = 0;
        boolean tie = false;
        int i = 0;
        while (i < k) {
            String d = dates[idx[i]];
            int witnesses = 0;
            int j = i;
            while (j < k && dates[idx[j]].equals(d)) {
                if (j == i || contents[idx[j]] != contents[idx[j - 1]]) {
                    witnesses++;
                }
                j++;
            }
            if (witnesses > bestCount) {
                best = d;
                bestCount = witnesses;
                tie = false;
            } else if (witnesses == bestCount) {
                tie = true;
            }
            i = j;
        }
        return bestCount >= 2 && !tie ? best : null;
    }

    static boolean daysAndMonthsSwapped(String x, String y) {
        return x.regionMatches(0, y, 0, 4) && x.regionMatches(4, y, 6, 2) && x.regionMatches(6, y, 4, 2);
    }

    private static final int THIS_YEAR = java.time.LocalDate.now().getYear();

    /**
     * YYYYMMDD digits of a possible date of birth: a real date, not in a future year (a mistyped month 42
     * or a year 2060 is no one's date of birth).
     */
    static boolean isCalendarDate(String d) {
        if (d.length() != 8) {
            return false;
        }
        try {
            int year = Integer.parseInt(d, 0, 4, 10);
            java.time.LocalDate.of(year, Integer.parseInt(d, 4, 6, 10), Integer.parseInt(d, 6, 8, 10));
            return year <= THIS_YEAR;
        } catch (RuntimeException e) {
            return false;
        }
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
