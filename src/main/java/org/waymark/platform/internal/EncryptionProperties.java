package org.waymark.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keyset for restricted fields comes from: the JSON itself ({@code WAYMARK_ENCRYPTION_KEYSET},
 * from a secret store) or a file ({@code WAYMARK_ENCRYPTION_KEYSET_FILE}). At most one of them.
 */
@ConfigurationProperties("waymark.encryption")
record EncryptionProperties(String keyset, String keysetFile) {

    EncryptionProperties {
        keyset = keyset == null || keyset.isBlank() ? null : keyset;
        keysetFile = keysetFile == null || keysetFile.isBlank() ? null : keysetFile;
    }

    /** A record prints its components; this one holds key material, which must never reach a log. */
    @Override
    public String toString() {
        return "EncryptionProperties[keyset=" + (keyset == null ? "none" : "(set)") + ", keysetFile=" + keysetFile + "]";
    }
}
