package org.waymark.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.KeysetCommand;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return KeysetCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatePrintsOnlyAUsableKeysetWithOneAes256GcmKey() {
        assertThat(run("generate")).isZero();

        KeysetHandle keyset = Keysets.parse(out.toString(StandardCharsets.UTF_8), "stdout");
        assertThat(keyset.size()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("AesGcmKey").contains("\"outputPrefixType\":\"TINK\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 key: ").doesNotContain("\"value\"");
        FieldEncryption encryption = new TinkFieldEncryption(keyset);
        assertThat(encryption.open(encryption.seal("x", "c"), "c")).isEqualTo("x");
    }

    @Test
    void rotateThenRetireKeepsTheNewKeyAndDropsTheOld() throws Exception {
        Path current = directory.resolve("current.json");
        Path next = directory.resolve("next.json");
        Path last = directory.resolve("final.json");
        assertThat(run("generate", "--out", current.toString())).isZero();
        assertThat(out.size()).isZero();
        KeysetHandle first = read(current);
        byte[] old = new TinkFieldEncryption(first).seal("Refuge, 1 Hidden Lane", "person_address/1/address");

        assertThat(run("rotate", "--in", current.toString(), "--out", next.toString())).isZero();
        KeysetHandle rotated = read(next);
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(first.getPrimary().getId());
        FieldEncryption during = new TinkFieldEncryption(rotated);
        assertThat(during.open(old, "person_address/1/address")).isEqualTo("Refuge, 1 Hidden Lane");
        byte[] resealed = during.reseal(old, "person_address/1/address");

        assertThat(run("retire", "--in", next.toString(), "--out", last.toString())).isZero();
        KeysetHandle retired = read(last);
        assertThat(retired.size()).isEqualTo(1);
        assertThat(retired.getPrimary().getId()).isEqualTo(rotated.getPrimary().getId());
        assertThat(new TinkFieldEncryption(retired).open(resealed, "person_address/1/address")).isEqualTo("Refuge, 1 Hidden Lane");
        if (Files.getFileStore(last).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(last))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingKeysetFileIsNeverOverwritten() throws Exception {
        Path current = directory.resolve("current.json");
        assertThat(run("generate", "--out", current.toString())).isZero();
        String before = Files.readString(current);

        assertThat(run("retire", "--in", current.toString(), "--out", current.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
        assertThat(Files.readString(current)).isEqualTo(before);
    }

    @Test
    void badArgumentsAnswerWithTheUsage() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(run("shuffle")).isEqualTo(2);
        assertThat(run("rotate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--in is required").contains("usage:");
        assertThat(run("rotate", "--in")).isEqualTo(2);
        assertThat(run("rotate", "--in", directory.resolve("absent.json").toString())).isEqualTo(2);
        Path notAKeyset = Files.writeString(directory.resolve("not.json"), "{\"hello\": \"world\"}");
        assertThat(run("rotate", "--in", notAKeyset.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a Tink JSON keyset");
        assertThat(out.size()).isZero();
    }

    private static KeysetHandle read(Path file) throws Exception {
        return Keysets.parse(Files.readString(file), file.toString());
    }
}
