package org.waymark.people.matching.batch;

import java.util.Arrays;
import java.util.List;
import org.waymark.people.matching.MatchModel;

/** A growable list of candidate pairs with their evidence (primitive arrays, no boxing). */
final class Edges {
    int[] a = new int[256];
    int[] b = new int[256];
    float[] vsH = new float[256];
    float[] vsU = new float[256];
    byte[] levels = new byte[256 * F];
    int size;
    static final int F = org.waymark.people.matching.MatchScorer.FIELD_COUNT;

    /** Adds a pair; its levels must already be in {@link #levels} at {@code size * F} (see {@link #levelSlot()}). */
    void add(int x, int y, float h, float u) {
        ensure();
        a[size] = x;
        b[size] = y;
        vsH[size] = h;
        vsU[size] = u;
        size++;
    }

    /** Makes room for one more pair and returns the offset of its levels. */
    int levelSlot() {
        ensure();
        return size * F;
    }

    private void ensure() {
        if (size == a.length) {
            int cap = a.length * 2;
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            vsH = Arrays.copyOf(vsH, cap);
            vsU = Arrays.copyOf(vsU, cap);
            levels = Arrays.copyOf(levels, cap * F);
        }
    }

    static Edges concat(List<Edges> parts) {
        Edges out = new Edges();
        int total = 0;
        for (Edges e : parts) {
            total += e.size;
        }
        out.a = new int[Math.max(total, 1)];
        out.b = new int[Math.max(total, 1)];
        out.vsH = new float[Math.max(total, 1)];
        out.vsU = new float[Math.max(total, 1)];
        out.levels = new byte[Math.max(total, 1) * F];
        int p = 0;
        for (Edges e : parts) {
            System.arraycopy(e.a, 0, out.a, p, e.size);
            System.arraycopy(e.b, 0, out.b, p, e.size);
            System.arraycopy(e.vsH, 0, out.vsH, p, e.size);
            System.arraycopy(e.vsU, 0, out.vsU, p, e.size);
            System.arraycopy(e.levels, 0, out.levels, p * F, e.size * F);
            p += e.size;
        }
        out.size = total;
        return out;
    }

    /** Edge indexes by probability, highest first. */
    int[] orderByProbability(MatchModel model, long population, double d) {
        long[] packed = new long[size];
        for (int e = 0; e < size; e++) {
            double p = model.probability(vsH[e], vsU[e], population, d);
            // higher probability first: sort ascending on (1 - p) scaled, index in the low bits
            long q = (long) ((1.0 - p) * (1L << 30));
            packed[e] = (q << 32) | e;
        }
        Arrays.parallelSort(packed);
        int[] out = new int[size];
        for (int e = 0; e < size; e++) {
            out[e] = (int) (packed[e] & 0xffffffffL);
        }
        return out;
    }
}
