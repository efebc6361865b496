package org.waymark.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the keyset: the configured one; or, on the embedded database only, a keyset generated once
 * and kept beside the embedded data so restarts still open what was sealed. With an external database
 * nothing is generated: each instance would make its own key and none could read the others' values.
 */
final class KeysetSource {

    static final String FILE_NAME = "encryption-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);

    private KeysetSource() {
    }

    static KeysetHandle load(EncryptionProperties properties, boolean embeddedDatabase, Path embeddedKeysetFile) {
        if (properties.keyset() != null && properties.keysetFile() != null) {
            throw new IllegalStateException("Both waymark.encryption.keyset and waymark.encryption.keyset-file are set:"
                    + " set only one (WAYMARK_ENCRYPTION_KEYSET or WAYMARK_ENCRYPTION_KEYSET_FILE)");
        }
        if (properties.keyset() != null) {
            return Keysets.parse(properties.keyset(), "waymark.encryption.keyset");
        }
        if (properties.keysetFile() != null) {
            Path file = Path.of(properties.keysetFile());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("waymark.encryption.keyset-file names " + file.toAbsolutePath()
                        + ", which does not exist or is not a file");
            }
            return Keysets.parse(read(file), file.toAbsolutePath().toString());
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("No encryption keyset is configured. With an external database Waymark"
                    + " needs one to seal and open restricted addresses and phone numbers: set WAYMARK_ENCRYPTION_KEYSET"
                    + " to a Tink JSON keyset from your secret store (java -jar waymark.jar keyset generate makes one),"
                    + " or WAYMARK_ENCRYPTION_KEYSET_FILE to a file holding it");
        }
        return embeddedKeyset(embeddedKeysetFile);
    }

    /** Beside the embedded data directory: ./data/encryption-keyset.json by default. */
    static Path besideEmbeddedData(EmbeddedDatabaseProperties database) {
        return Path.of(database.dataDirectory()).toAbsolutePath().normalize().getParent().resolve(FILE_NAME);
    }

    private static KeysetHandle embeddedKeyset(Path file) {
        if (!Files.exists(file)) {
            KeysetHandle generated = Keysets.generate();
            try {
                Keysets.writeNew(file, Keysets.toJson(generated));
                log.info("Generated the embedded database's encryption keyset in {} ({})", file, Keysets.describe(generated));
                return generated;
            } catch (FileAlreadyExistsException e) {
                // Another start wrote it first: use that one, as below.
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the encryption keyset to " + file, e);
            }
        }
        return Keysets.parse(read(file), file.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the encryption keyset in " + file, e);
        }
    }
}
