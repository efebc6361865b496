package org.waymark.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import com.google.crypto.tink.KeysetHandle;
import org.waymark.platform.internal.Keysets;

/**
 * {@code java -jar waymark.jar keyset generate|rotate|retire}: makes and rotates the keyset that seals
 * restricted fields, without starting the service or a database. Keysets go to {@code --out} (a new
 * file, readable by its owner only) or to standard output; key ids and what changed go to standard error.
 */
public final class KeysetCommand {

    static final String USAGE = """
            usage: java -jar waymark.jar keyset generate [--out new.json]
                   java -jar waymark.jar keyset rotate --in current.json [--out next.json]
                   java -jar waymark.jar keyset retire --in next.json [--out final.json]
              generate  a new keyset with one AES256_GCM key
              rotate    adds a new AES256_GCM key as primary; the old keys still open old values
              retire    removes every key but the primary: run it only after the reseal command has
                        resealed every value, or values still under an old key are lost""";

    private KeysetCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 2 bad arguments, 1 failed). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Path in = null;
        Path outFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--in", "--out" -> {
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a file\n" + USAGE);
                        return 2;
                    }
                    Path file = Path.of(args[i + 1]);
                    if (args[i].equals("--in")) {
                        in = file;
                    } else {
                        outFile = file;
                    }
                    i++;
                }
                default -> {
                    err.println("unknown argument: " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        return switch (args[0]) {
            case "generate" -> in != null ? usage("generate takes no --in", err) : write(Keysets.generate(), outFile, out, err);
            case "rotate" -> transform(in, outFile, Keysets::rotate, out, err);
            case "retire" -> transform(in, outFile, Keysets::retire, out, err);
            default -> usage("unknown keyset command: " + args[0], err);
        };
    }

    private static int transform(Path in, Path outFile, UnaryOperator<KeysetHandle> change, PrintStream out, PrintStream err) {
        if (in == null) {
            return usage("--in is required", err);
        }
        KeysetHandle current;
        try {
            current = Keysets.parse(Files.readString(in, StandardCharsets.UTF_8), in.toString());
        } catch (IOException e) {
            err.println("cannot read " + in);
            return 2;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        err.println("in:  " + Keysets.describe(current));
        return write(change.apply(current), outFile, out, err);
    }

    private static int write(KeysetHandle keyset, Path outFile, PrintStream out, PrintStream err) {
        String json = Keysets.toJson(keyset);
        if (outFile == null) {
            out.println(json);
        } else {
            try {
                Keysets.writeNew(outFile, json);
            } catch (FileAlreadyExistsException e) {
                err.println(outFile + " already exists: a keyset is never overwritten, choose a new file");
                return 1;
            } catch (IOException e) {
                err.println("cannot write " + outFile + ": " + e.getMessage());
                return 1;
            }
        }
        err.println("out: " + Keysets.describe(keyset));
        return 0;
    }

    private static int usage(String problem, PrintStream err) {
        err.println(problem + "\n" + USAGE);
        return 2;
    }
}
