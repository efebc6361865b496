package org.waymark.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.waymark.platform.Deployment;
import org.waymark.platform.FieldEncryption;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EncryptionConfigurationTest {

    private static final String CONTEXT = "person_contact/9/value";

    @TempDir
    Path directory;

    private ApplicationContextRunner production() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EncryptionConfiguration.class)
                .withBean(Deployment.class, () -> new Deployment(false))
                .withPropertyValues("waymark.embedded-database.data-directory=" + directory.resolve("postgres"));
    }

    private ApplicationContextRunner embedded() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EncryptionConfiguration.class)
                .withBean(Deployment.class, () -> new Deployment(true))
                .withPropertyValues("waymark.embedded-database.data-directory=" + directory.resolve("postgres"));
    }

    @Test
    void productionWithoutAKeysetRefusesToStart() {
        production().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("No encryption keyset is configured")
                    .hasMessageContaining("WAYMARK_ENCRYPTION_KEYSET");
        });
        // Nothing generated: each production instance would otherwise make a key of its own.
        assertThat(directory.resolve("encryption-keyset.json")).doesNotExist();
    }

    @Test
    void productionUsesTheKeysetFromTheEnvironmentWithoutLoggingIt(CapturedOutput output) {
        KeysetHandle keyset = Keysets.generate();
        String json = Keysets.toJson(keyset);
        byte[] sealed = new TinkFieldEncryption(keyset).seal("07700 900123", CONTEXT);

        production().withPropertyValues("waymark.encryption.keyset=" + json).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FieldEncryption.class).open(sealed, CONTEXT)).isEqualTo("07700 900123");
        });
        assertThat(output).contains("Field encryption keyset: 1 key").doesNotContain(keyMaterial(json));
    }

    @Test
    void productionReadsTheKeysetFile() throws Exception {
        KeysetHandle keyset = Keysets.generate();
        Path file = directory.resolve("secrets/keyset.json");
        Keysets.writeNew(file, Keysets.toJson(keyset));
        byte[] sealed = new TinkFieldEncryption(keyset).seal("07700 900123", CONTEXT);

        production().withPropertyValues("waymark.encryption.keyset-file=" + file).run(context ->
                assertThat(context.getBean(FieldEncryption.class).open(sealed, CONTEXT)).isEqualTo("07700 900123"));
    }

    @Test
    void aKeysetFileThatIsMissingIsNeverGenerated() {
        Path file = directory.resolve("missing.json");

        embedded().withPropertyValues("waymark.encryption.keyset-file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("does not exist");
        });
        assertThat(file).doesNotExist();
    }

    @Test
    void anUnreadableKeysetFailsWithoutQuotingIt(CapturedOutput output) {
        String notAKeyset = "{\"primaryKeyId\": 1, \"key\": \"c2VjcmV0LWtleS1tYXRlcmlhbA\"}";

        production().withPropertyValues("waymark.encryption.keyset=" + notAKeyset).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("is not a Tink JSON keyset")
                    .hasMessageNotContaining("c2VjcmV0");
        });
        assertThat(output).doesNotContain("c2VjcmV0");
    }

    @Test
    void bothAKeysetAndAKeysetFileIsRefused() {
        production().withPropertyValues("waymark.encryption.keyset=" + Keysets.toJson(Keysets.generate()),
                "waymark.encryption.keyset-file=" + directory.resolve("k.json")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("set only one");
        });
    }

    @Test
    void theEmbeddedDatabaseGeneratesAKeysetOnceBesideItsDataAndReusesIt(CapturedOutput output) throws Exception {
        Path file = directory.resolve("encryption-keyset.json");
        byte[][] sealed = new byte[1][];

        embedded().run(context -> sealed[0] = context.getBean(FieldEncryption.class).seal("Refuge, 1 Hidden Lane", CONTEXT));
        assertThat(file).exists();
        String json = Files.readString(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        // A restart reads the same keyset, so what was sealed before still opens.
        embedded().run(context ->
                assertThat(context.getBean(FieldEncryption.class).open(sealed[0], CONTEXT)).isEqualTo("Refuge, 1 Hidden Lane"));
        assertThat(Files.readString(file)).isEqualTo(json);
        assertThat(output).contains("Generated the embedded database's encryption keyset").doesNotContain(keyMaterial(json));
    }

    /** The base64 key value inside a Tink JSON keyset. */
    private static String keyMaterial(String json) {
        int start = json.indexOf("\"value\":\"") + "\"value\":\"".length();
        String value = json.substring(start, json.indexOf('"', start));
        assertThat(value).hasSizeGreaterThan(40);
        return value;
    }
}
