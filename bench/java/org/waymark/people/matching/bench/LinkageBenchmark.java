package org.waymark.people.matching.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.waymark.people.matching.batch.BatchLinker;
import org.waymark.people.matching.synthetic.SyntheticPeople;

/**
 * The linkage benchmark (not a test; never run by {@code mvn verify}). Runs the batch linker on each
 * shared benchmark set and on generated sets, and prints precision, recall and F1 (computed exactly
 * as {@code shared/tools/score-pairs} does), time and peak heap.
 * <pre>
 * LinkageBenchmark [--shared DIR] [--work DIR] [--seeds 1,2,3] [--sizes 20000,100000,1000000]
 * </pre>
 */
public final class LinkageBenchmark {

    record Score(int predicted, int truth, int truePositives, double precision, double recall, double f1) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared/bench/linkage");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("/work/shared/bench/linkage");
        }
        Path work = Path.of("target/bench");
        List<Long> seeds = List.of(1L, 2L, 3L);
        List<Integer> sizes = List.of(20_000, 100_000, 1_000_000);
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--seeds" -> seeds = parseList(args[++i]).stream().map(Long::valueOf).toList();
                case "--sizes" -> sizes = parseList(args[++i]).stream().map(Integer::valueOf).toList();
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(work);
        PrintStream progress = verbose ? System.err : new PrintStream(OutputStream.nullOutputStream());
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %9s %8s %9s %9s%n", "set", "records", "precision", "recall",
                "f1", "time_s", "pairs", "heap_mb");
        if (Files.isDirectory(shared)) {
            try (var files = Files.list(shared)) {
                for (Path truth : files.filter(p -> p.getFileName().toString().endsWith("_truth.csv")).sorted()
                        .toList()) {
                    String name = truth.getFileName().toString().replace("_truth.csv", "");
                    Path input = shared.resolve(name + ".csv");
                    run(name, input, truth, work, progress);
                }
            }
        } else {
            System.out.println("(no shared sets at " + shared + ")");
        }
        for (int size : sizes) {
            for (long seed : size >= 1_000_000 ? seeds.subList(0, 1) : seeds) {
                String name = "generated-" + size + "-seed" + seed;
                Path input = work.resolve(name + ".csv");
                Path truth = work.resolve(name + "_truth.csv");
                if (!Files.exists(input) || !Files.exists(truth)) {
                    new SyntheticPeople(SyntheticPeople.Config.of(seed, size)).generate(input, truth, progress);
                }
                run(name, input, truth, work, progress);
            }
        }
    }

    private static void run(String name, Path input, Path truth, Path work, PrintStream progress) throws IOException {
        Path out = work.resolve(name + "_pairs.csv");
        System.gc();
        // sample the used heap (all pools at once) every 20 ms: the true simultaneous peak
        java.util.concurrent.atomic.AtomicLong peakUsed = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        BatchLinker.Summary s = new BatchLinker().run(List.of(input), out, progress);
        double secs = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long peak = peakUsed.get();
        Score score = score(out, truth);
        System.out.printf(Locale.ROOT, "%-26s %9d %9.4f %9.4f %9.4f %8.1f %9d %9d%n", name, s.records(),
                score.precision(), score.recall(), score.f1(), secs, score.predicted(), peak / (1024 * 1024));
    }

    /** Exactly as score-pairs: sets of sorted, stripped id pairs, self-pairs ignored. */
    static Score score(Path predicted, Path truth) throws IOException {
        Set<String> p = pairs(predicted);
        Set<String> t = pairs(truth);
        int tp = 0;
        for (String x : p) {
            if (t.contains(x)) {
                tp++;
            }
        }
        double precision = p.isEmpty() ? 0 : (double) tp / p.size();
        double recall = t.isEmpty() ? 0 : (double) tp / t.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(p.size(), t.size(), tp, precision, recall, f1);
    }

    private static Set<String> pairs(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CSVRecord c : CSVFormat.DEFAULT.parse(r)) {
                if (header) {
                    header = false;
                    continue;
                }
                if (c.size() < 2) {
                    continue;
                }
                String a = c.get(0).strip();
                String b = c.get(1).strip();
                if (a.equals(b)) {
                    continue;
                }
                out.add(a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a);
            }
        }
        return out;
    }

    private static List<String> parseList(String s) {
        List<String> out = new ArrayList<>();
        for (String x : s.split(",")) {
            if (!x.isBlank()) {
                out.add(x.strip());
            }
        }
        return out;
    }
}
