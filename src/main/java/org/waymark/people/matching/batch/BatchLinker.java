package org.waymark.people.matching.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.waymark.people.matching.BlockingKeys;
import org.waymark.people.matching.DatesOfBirth;
import org.waymark.people.matching.Estimation;
import org.waymark.people.matching.MatchModel;
import org.waymark.people.matching.MatchScorer;
import org.waymark.people.matching.Nicknames;
import org.waymark.people.matching.PersonRecord;
import org.waymark.people.matching.PreparedRecord;
import org.waymark.people.matching.StringPool;
import org.waymark.people.matching.TermFrequencies;

/**
 * The batch linkage command: {@code link --input A.csv [--input B.csv] --output pairs.csv}.
 * <p>
 * One input: finds the records of the same person within it. Two inputs: links across them (each
 * output pair has one id from each). Steps: read and normalise; count value frequencies; compute
 * blocking keys and sort (key hash, record) entries; compare the pairs of each block in parallel
 * (a pair sharing several keys is compared once, in the first block they share; a block larger than
 * {@code maxBlock} is compared with a sliding window over its records sorted by name instead);
 * estimate the match prior by EM on the candidate evidence; cluster the pairs judged the same person,
 * refusing to merge two clusters when some cross pair is clearly two different people (twins,
 * namesakes chained through a third record) or when each confirms its own date of birth; links of a
 * record without a date of birth are taken last, and such a record joins a cluster only when that is
 * clearly more likely than every namesake cluster it resembles; write every pair within each cluster.
 */
public final class BatchLinker {

    /** Tuning knobs; the defaults are the tested ones. */
    public record Options(int[] maxBlock, int window, double floorProbability, double vetoProbability,
            double voteRatio, int maxCluster, boolean estimatePrior, boolean estimateM, double priorPairs,
            boolean cluster) {
        /**
         * Block caps by key type ({@link BlockingKeys#TYPES}: n, t, r, p, d, sy, nm, so, go, a): beyond its
         * cap a block is compared with a sliding window instead of all pairs. Name-only keys get the
         * smallest caps (a common name is weak evidence on its own).
         */
        public static Options defaults() {
            return new Options(new int[] {1000, 1000, 1000, 1000, 500, 300, 150, 300, 300, 300}, 20, 0.01, 0.5, 0.5,
                    150, true, true, 300, true);
        }

        /** The same options without clustering: only the pairs judged the same person directly are written. */
        public Options withoutClustering() {
            return new Options(maxBlock, window, floorProbability, vetoProbability, voteRatio, maxCluster,
                    estimatePrior, estimateM, priorPairs, false);
        }

        int cap(long keyHash) {
            return maxBlock[BlockingKeys.typeOf(keyHash)];
        }
    }

    /** What a run did. */
    public record Summary(int records, long candidatePairs, long edges, long pairsWritten, int clusters,
            int malformedDates, int recoveredDates, int placeholderDates, double matchesPerRecord, long millis) {
    }

    private final MatchModel model;
    private final Nicknames nicknames;
    private final Options options;

    public BatchLinker() {
        this(MatchModel.defaults(), Nicknames.defaults(), Options.defaults());
    }

    public BatchLinker(MatchModel model, Nicknames nicknames, Options options) {
        this.model = model;
        this.nicknames = nicknames;
        this.options = options;
    }

    /** Command-line entry: {@code --input A.csv [--input B.csv] --output pairs.csv}. */
    public static void main(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        Options options = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-clustering")) {
                options = options.withoutClustering();
            } else if (args[i].equals("--input") && i + 1 < args.length) {
                inputs.add(Path.of(args[++i]));
            } else if (args[i].equals("--output") && i + 1 < args.length) {
                output = Path.of(args[++i]);
            } else if (!args[i].equals("link")) {
                System.err.println("unknown argument: " + args[i]);
                System.exit(2);
            }
        }
        if (inputs.isEmpty() || inputs.size() > 2 || output == null) {
            System.err.println("usage: link --input A.csv [--input B.csv] --output pairs.csv");
            System.exit(2);
        }
        new BatchLinker(MatchModel.defaults(), Nicknames.defaults(), options).run(inputs, output, System.err);
    }

    public Summary run(List<Path> inputs, Path output, PrintStream progress) throws IOException {
        if (inputs.isEmpty() || inputs.size() > 2) {
            throw new IllegalArgumentException("one or two inputs");
        }
        long t0 = System.nanoTime();
        // 1. read and prepare
        Loaded loaded = new Loaded();
        for (int s = 0; s < inputs.size(); s++) {
            read(inputs.get(s), (byte) s, loaded, progress);
        }
        int n = loaded.records.size();
        PreparedRecord[] recs = loaded.records.toArray(new PreparedRecord[0]);
        byte[] source = new byte[n];
        for (int i = 0; i < n; i++) {
            source[i] = loaded.sources.get(i);
        }
        loaded.records = null;
        loaded.sources = null;
        progress.printf(Locale.ROOT, "read %,d records in %.1f s (dates: %,d malformed, %,d recovered from another"
                + " format, %,d placeholders treated as missing)%n", n, secs(t0), loaded.malformed,
                loaded.recovered, loaded.placeholders);
        if (loaded.malformed + loaded.recovered > 0) {
            progress.printf(Locale.ROOT, "warning: %,d dates of birth were not YYYY-MM-DD%n",
                    loaded.malformed + loaded.recovered);
        }
        boolean cross = inputs.size() == 2;

        // 2. frequencies and scorer
        TermFrequencies.Counts tf = new TermFrequencies.Counts();
        for (PreparedRecord r : recs) {
            tf.add(r);
        }
        MatchScorer scorer = new MatchScorer(model, tf, nicknames);

        // 3. blocking keys
        BlockingKeys blocking = new BlockingKeys(nicknames);
        int idxBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(n - 1, 1)));
        long idxMask = (1L << idxBits) - 1;
        long[][] keys = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] h = blocking.hashes(recs[i]);
            for (int k = 0; k < h.length; k++) {
                h[k] &= ~idxMask;
            }
            Arrays.sort(h);
            keys[i] = dedupe(h);
        });
        long total = 0;
        for (long[] k : keys) {
            total += k.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many keys");
        }
        long[] entries = new long[(int) total];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (long k : keys[i]) {
                entries[p++] = k | i;
            }
        }
        Arrays.parallelSort(entries);
        // block boundaries
        List<int[]> chunks = new ArrayList<>();
        Set<Long> oversized = new HashSet<>();
        int blockCount = 0;
        long plannedPairs = 0;
        int chunkStart = 0;
        long chunkWork = 0;
        int i0 = 0;
        while (i0 < entries.length) {
            long key = entries[i0] & ~idxMask;
            int j = i0 + 1;
            while (j < entries.length && (entries[j] & ~idxMask) == key) {
                j++;
            }
            int size = j - i0;
            if (size >= 2) {
                blockCount++;
                int cap = options.cap(key);
                long work = size > cap ? (long) size * options.window() : (long) size * (size - 1) / 2;
                plannedPairs += work;
                chunkWork += work;
                if (size > cap) {
                    oversized.add(key);
                }
            }
            i0 = j;
            if (chunkWork > 200_000 || i0 == entries.length) {
                chunks.add(new int[] {chunkStart, i0});
                chunkStart = i0;
                chunkWork = 0;
            }
        }
        progress.printf(Locale.ROOT, "blocking: %,d keys, %,d blocks, %,d oversized (windowed), up to %,d"
                + " pair visits, %.1f s%n", total, blockCount, oversized.size(), plannedPairs,
                secs(t0));

        // 4. compare in parallel
        AtomicLong compared = new AtomicLong();
        List<Edges> parts = compareBlocks(entries, idxMask, chunks, oversized, keys, recs, source, cross, scorer,
                compared, progress);
        entries = null;
        Edges edges = Edges.concat(parts);
        progress.printf(Locale.ROOT, "compared %,d candidate pairs, kept %,d with some evidence, %.1f s%n",
                compared.get(), edges.size, secs(t0));

        // 5. estimate the match prior and P(level | same person) by EM on the candidate pairs
        long population = cross ? Math.max(1, Math.min(countSource(source, 0), countSource(source, 1))) : n;
        MatchModel fitted = model;
        double d = model.matchesPerRecord();
        if (options.estimatePrior() && edges.size > 0) {
            Estimation.Result est = Estimation.estimate(model, edges.levels, edges.vsH, edges.vsU, edges.size,
                    population, cross ? 1.0 : 2.0, options.priorPairs(), 50, options.estimateM());
            fitted = est.model();
            d = est.matchesPerRecord();
            progress.printf(Locale.ROOT, "estimated %.3f other records of the same person per record (%d EM"
                    + " iterations)%n", d, est.iterations());
            if (options.estimateM()) {
                progress.print(Estimation.describe(fitted));
            }
            scorer = new MatchScorer(fitted, tf, nicknames);
        }
        edges.levels = null;

        // 6. cluster
        Clusterer clusterer = new Clusterer(scorer, fitted, recs, population, d, options);
        int[] order = edges.orderByProbability(fitted, population, d);
        int accepted = 0;
        // links between records that both give a date of birth first; links of a record without one
        // after, when the groups it could join are formed, so that it joins one only when that group is
        // clearly more likely than all the others together (see Clusterer#ambiguous)
        boolean[] sparse = new boolean[n];
        for (int i = 0; i < n; i++) {
            sparse[i] = recs[i].dateOfBirthDigits() == null;
        }
        int[] deferred = new int[order.length];
        int deferredCount = 0;
        for (int e : order) {
            double prob = fitted.probability(edges.vsH[e], edges.vsU[e], population, d);
            if (prob < fitted.threshold()) {
                break;
            }
            if (sparse[edges.a[e]] || sparse[edges.b[e]]) {
                deferred[deferredCount++] = e;
            } else if (clusterer.merge(edges.a[e], edges.b[e])) {
                accepted++;
            }
        }
        Clusterer.Neighbours neighbours = Clusterer.Neighbours.of(edges, sparse, fitted, population, d, n);
        int ambiguous = 0;
        for (int k = 0; k < deferredCount; k++) {
            int e = deferred[k];
            double prob = fitted.probability(edges.vsH[e], edges.vsU[e], population, d);
            int x = edges.a[e];
            int y = edges.b[e];
            if ((sparse[x] && clusterer.ambiguous(x, y, prob, neighbours))
                    || (sparse[y] && clusterer.ambiguous(y, x, prob, neighbours))) {
                ambiguous++;
                continue;
            }
            if (clusterer.merge(x, y)) {
                accepted++;
            }
        }
        progress.printf(Locale.ROOT, "clustered: %,d links accepted, %,d merges refused (a cross pair clearly"
                + " different people), %,d links of a record without a date of birth left ambiguous, %.1f s%n",
                accepted, clusterer.vetoed, ambiguous, secs(t0));

        // 7. write
        long written;
        int clusters;
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader("id_1", "id_2", "score").setRecordSeparator('\n').get())) {
            long[] counts;
            if (!options.cluster()) {
                long c = 0;
                for (int e = 0; e < edges.size; e++) {
                    double prob = fitted.probability(edges.vsH[e], edges.vsU[e], population, d);
                    if (prob >= fitted.threshold()) {
                        printer.printRecord(recs[edges.a[e]].id(), recs[edges.b[e]].id(),
                                String.format(Locale.ROOT, "%.4f", prob));
                        c++;
                    }
                }
                counts = new long[] {c, 0};
            } else {
                counts = clusterer.write(printer, cross ? source : null);
            }
            written = counts[0];
            clusters = (int) counts[1];
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        progress.printf(Locale.ROOT, "summary: %,d records, %,d candidate pairs compared, %,d pairs written in %,d"
                + " groups, %,d malformed dates, time %.1f s%n", n, compared.get(), written, clusters,
                loaded.malformed + loaded.recovered, millis / 1000.0);
        return new Summary(n, compared.get(), edges.size, written, clusters, loaded.malformed, loaded.recovered,
                loaded.placeholders, d, millis);
    }


    private static final double MAX_D = 20;

    private List<Edges> compareBlocks(long[] entries, long idxMask, List<int[]> chunks, Set<Long> oversized,
            long[][] keys, PreparedRecord[] recs, byte[] source, boolean cross, MatchScorer scorer,
            AtomicLong compared, PrintStream progress) {
        double maxD = MAX_D;
        AtomicLong doneChunks = new AtomicLong();
        long[] oversizedArr = oversized.stream().mapToLong(Long::longValue).sorted().toArray();
        return IntStream.range(0, chunks.size()).parallel().mapToObj(c -> {
            Edges out = new Edges();
            int[] ch = chunks.get(c);
            long cmp = 0;
            int a = ch[0];
            while (a < ch[1]) {
                long key = entries[a] & ~idxMask;
                int b = a + 1;
                while (b < ch[1] && (entries[b] & ~idxMask) == key) {
                    b++;
                }
                int size = b - a;
                if (size >= 2) {
                    if (size <= options.cap(key)) {
                        for (int x = a; x < b; x++) {
                            int rx = (int) (entries[x] & idxMask);
                            for (int y = x + 1; y < b; y++) {
                                int ry = (int) (entries[y] & idxMask);
                                if (cross && source[rx] == source[ry]) {
                                    continue;
                                }
                                if (firstSharedKey(keys[rx], keys[ry], oversizedArr) != key) {
                                    continue;
                                }
                                cmp++;
                                compare(scorer, recs, rx, ry, out, maxD);
                            }
                        }
                    } else {
                        int[] members = new int[size];
                        for (int x = 0; x < size; x++) {
                            members[x] = (int) (entries[a + x] & idxMask);
                        }
                        Integer[] boxed = IntStream.of(members).boxed().toArray(Integer[]::new);
                        Arrays.sort(boxed, (u, v) -> sortKey(recs[u]).compareTo(sortKey(recs[v])));
                        for (int x = 0; x < size; x++) {
                            int rx = boxed[x];
                            for (int y = x + 1; y < Math.min(size, x + 1 + options.window()); y++) {
                                int ry = boxed[y];
                                if (cross && source[rx] == source[ry]) {
                                    continue;
                                }
                                if (firstSharedKey(keys[rx], keys[ry], oversizedArr) != -1L) {
                                    continue; // they share a normal block and are compared there
                                }
                                cmp++;
                                compare(scorer, recs, Math.min(rx, ry), Math.max(rx, ry), out, maxD);
                            }
                        }
                    }
                }
                a = b;
            }
            compared.addAndGet(cmp);
            long d = doneChunks.incrementAndGet();
            if (d % Math.max(1, chunks.size() / 10) == 0) {
                progress.printf(Locale.ROOT, "  compared %,d candidate pairs (%d%% of blocks)%n", compared.get(),
                        100 * d / chunks.size());
            }
            return out;
        }).toList();
    }

    private static int countSource(byte[] source, int s) {
        int c = 0;
        for (byte b : source) {
            if (b == s) {
                c++;
            }
        }
        return c;
    }

    private static String sortKey(PreparedRecord r) {
        String s = r.surname() == null ? "" : r.surname().normalised();
        String g = r.given() == null ? "" : r.given().normalised();
        String d = r.dateOfBirthDigits() == null ? "" : r.dateOfBirthDigits();
        return s + "|" + g + "|" + d;
    }

    private void compare(MatchScorer scorer, PreparedRecord[] recs, int x, int y, Edges out, double maxD) {
        int slot = out.levelSlot(); // may grow the array: before reading out.levels
        double[] bits = scorer.evidence(recs[x], recs[y], options.floorProbability(), maxD, out.levels, slot);
        if (bits == null) {
            return;
        }
        double p = model.probability(bits[0], bits[1], scorer.frequencies().population(), maxD);
        if (p >= options.floorProbability()) {
            out.add(x, y, (float) bits[0], (float) bits[1]);
        }
    }

    /** The smallest key the two records share outside the oversized blocks, or -1 if none. */
    static long firstSharedKey(long[] a, long[] b, long[] oversized) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                if (oversized.length == 0 || Arrays.binarySearch(oversized, a[i]) < 0) {
                    return a[i];
                }
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return -1L;
    }

    private static long[] dedupe(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---------------------------------------------------------------------------------------------
    // reading

    private static final class Loaded {
        List<PreparedRecord> records = new ArrayList<>();
        List<Byte> sources = new ArrayList<>();
        int malformed;
        int recovered;
        int placeholders;
    }

    private static final String[] COLUMNS = {"id", "given_name", "middle_names", "surname", "other_names",
        "date_of_birth", "sex", "address", "postcode", "phone", "nhs_number", "reference"};

    private void read(Path input, byte source, Loaded loaded, PrintStream progress) throws IOException {
        StringPool pool = new StringPool();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> {
                if (k != null) {
                    header.putIfAbsent(k.strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip(), v);
                }
            });
            int[] col = new int[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                col[c] = header.getOrDefault(COLUMNS[c], -1);
            }
            if (col[0] < 0) {
                throw new IOException(input + ": no id column in the header");
            }
            // parse on this thread while earlier batches are normalised on the pool
            java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Prepared>> pending =
                    new java.util.ArrayDeque<>();
            List<String[]> batch = new ArrayList<>(BATCH);
            int rows = 0;
            for (CSVRecord row : parser) {
                String[] v = new String[COLUMNS.length];
                for (int c = 0; c < COLUMNS.length; c++) {
                    v[c] = col[c] >= 0 && col[c] < row.size() ? row.get(col[c]) : null;
                }
                if (v[0] == null || v[0].isBlank()) {
                    continue;
                }
                batch.add(v);
                rows++;
                if (batch.size() == BATCH) {
                    List<String[]> full = batch;
                    pending.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> prepare(full, pool)));
                    batch = new ArrayList<>(BATCH);
                    while (pending.size() > 3) {
                        append(pending.poll().join(), source, loaded);
                    }
                }
                if (rows % 200_000 == 0) {
                    progress.printf(Locale.ROOT, "  read %,d rows of %s%n", rows, input.getFileName());
                }
            }
            while (!pending.isEmpty()) {
                append(pending.poll().join(), source, loaded);
            }
            append(prepare(batch, pool), source, loaded);
        }
    }

    private static final int BATCH = 10_000;

    private record Prepared(PreparedRecord[] records, DatesOfBirth.Quality[] quality) {
    }

    private Prepared prepare(List<String[]> batch, StringPool pool) {
        PreparedRecord[] out = new PreparedRecord[batch.size()];
        DatesOfBirth.Quality[] q = new DatesOfBirth.Quality[batch.size()];
        for (int i = 0; i < out.length; i++) {
            String[] v = batch.get(i);
            PersonRecord r = PersonRecord.of(v[0].strip(), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                    v[10], v[11]);
            q[i] = DatesOfBirth.parse(v[5]).quality();
            out[i] = PreparedRecord.of(r, nicknames, pool);
        }
        return new Prepared(out, q);
    }

    private static void append(Prepared p, byte source, Loaded loaded) {
        for (int i = 0; i < p.records().length; i++) {
            loaded.records.add(p.records()[i]);
            loaded.sources.add(source);
            switch (p.quality()[i]) {
                case MALFORMED -> loaded.malformed++;
                case RECOVERED -> loaded.recovered++;
                case PLACEHOLDER -> loaded.placeholders++;
                default -> {
                }
            }
        }
    }
}
