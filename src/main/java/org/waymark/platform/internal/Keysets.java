package org.waymark.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Tink keysets for restricted fields: AES-256-GCM keys with Tink's 5-byte key-id prefix on every
 * ciphertext (so a value names the key that sealed it), in Tink's cleartext JSON format. Used by the
 * running service and by the {@code keyset} commands, which run without Spring.
 */
public final class Keysets {

    static {
        try {
            // Lets Tink parse AES-GCM keys from JSON and build their AEAD primitive.
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {
    }

    /** A new keyset with one AES256_GCM key, primary. */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a keyset", e);
        }
    }

    /** Adds a new AES256_GCM key and makes it primary; the old keys stay, so old values still open. */
    public static KeysetHandle rotate(KeysetHandle keyset) {
        requireUsable(keyset);
        try {
            return KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a key to the keyset", e);
        }
    }

    /** Keeps only the primary key: values sealed under any other key can never be opened again. */
    public static KeysetHandle retire(KeysetHandle keyset) {
        requireUsable(keyset);
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not remove the old keys", e);
        }
    }

    /**
     * Parses a cleartext JSON keyset. Errors name {@code source} but never echo the text or Tink's
     * own message, which could quote key material into a log.
     */
    public static KeysetHandle parse(String json, String source) {
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The encryption keyset in " + source
                    + " is not a Tink JSON keyset (" + e.getClass().getSimpleName() + ")");
        }
        try {
            requireUsable(keyset);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The encryption keyset in " + source + " cannot be used: " + e.getMessage());
        }
        return keyset;
    }

    public static String toJson(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the keyset", e);
        }
    }

    /** Key ids and which is primary: safe to print or log (no key material). */
    public static String describe(KeysetHandle keyset) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            String id = Integer.toUnsignedString(entry.getId());
            keys.add(entry.isPrimary() ? id + " (primary)" : entry.getStatus() == KeyStatus.ENABLED ? id : id + " (" + entry.getStatus() + ")");
        }
        return keyset.size() + (keyset.size() == 1 ? " key: " : " keys: ") + String.join(", ", keys);
    }

    /**
     * Only AES-GCM keys with Tink's key-id prefix: without the prefix a value could not say which key
     * sealed it, and resealing after a rotation could not find the values still under an old key.
     */
    static void requireUsable(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey() instanceof AesGcmKey key)
                    || key.getParameters().getVariant() != AesGcmParameters.Variant.TINK) {
                throw new IllegalStateException("key " + Integer.toUnsignedString(entry.getId())
                        + " is not an AES-GCM key with Tink's key-id prefix (AES128_GCM or AES256_GCM)");
            }
        }
        if (!keyset.getPrimary().getStatus().equals(KeyStatus.ENABLED)) {
            throw new IllegalStateException("the primary key is not enabled");
        }
    }

    /**
     * Writes a keyset readable by its owner only (where the file system has POSIX permissions), and
     * never over an existing file: overwriting a keyset could destroy the only copy of a key.
     */
    public static void writeNew(Path file, String json) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(directory, ".keyset-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".keyset-", ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            // No REPLACE_EXISTING: fails with FileAlreadyExistsException if another writer got there first.
            Files.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
