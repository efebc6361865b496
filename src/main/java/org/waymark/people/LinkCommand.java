package org.waymark.people;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.waymark.people.matching.batch.BatchLinker;

/**
 * {@code java -jar waymark.jar link --input A.csv [--input B.csv] --output pairs.csv}: finds the same
 * people within one file or across two, without starting the service or a database.
 */
public final class LinkCommand {

    static final String USAGE = "usage: java -jar waymark.jar link --input A.csv [--input B.csv] --output pairs.csv";

    private LinkCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 2 bad arguments, 1 failed). */
    public static int run(String[] args, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> {
                    if (i + 1 >= args.length) {
                        err.println("--input needs a file\n" + USAGE);
                        return 2;
                    }
                    inputs.add(Path.of(args[++i]));
                }
                case "--output" -> {
                    if (i + 1 >= args.length) {
                        err.println("--output needs a file\n" + USAGE);
                        return 2;
                    }
                    output = Path.of(args[++i]);
                }
                default -> {
                    err.println("unknown argument: " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (inputs.isEmpty() || inputs.size() > 2 || output == null) {
            err.println(USAGE);
            return 2;
        }
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                err.println("cannot read " + input);
                return 2;
            }
        }
        try {
            new BatchLinker().run(inputs, output, err);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("link failed: " + e.getMessage());
            return 1;
        }
    }
}
