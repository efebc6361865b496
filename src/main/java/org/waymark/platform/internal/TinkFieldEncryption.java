package org.waymark.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.util.Bytes;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.FieldEncryptionException;

/** {@link FieldEncryption} with a Tink AEAD over the configured keyset; the context is the associated data. */
final class TinkFieldEncryption implements FieldEncryption {

    private final KeysetHandle keyset;
    private final Aead aead;
    private final Bytes primaryPrefix;

    TinkFieldEncryption(KeysetHandle keyset) {
        Keysets.requireUsable(keyset);
        this.keyset = keyset;
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not use the encryption keyset", e);
        }
        this.primaryPrefix = prefixOf(keyset.getPrimary());
    }

    @Override
    public byte[] seal(String plaintext, String context) {
        byte[] associatedData = associatedData(context);
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
        } catch (GeneralSecurityException e) {
            throw new FieldEncryptionException("Could not seal a value for " + context, e);
        }
    }

    @Override
    public String open(byte[] sealed, String context) {
        byte[] associatedData = associatedData(context);
        if (sealed == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(sealed, associatedData), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new FieldEncryptionException("A sealed value for " + context + " does not open: " + whyNot(sealed), e);
        }
    }

    @Override
    public boolean needsResealing(byte[] sealed) {
        return sealed != null && !hasPrefix(sealed, primaryPrefix);
    }

    @Override
    public byte[] reseal(byte[] sealed, String context) {
        String plaintext = open(sealed, context);
        return needsResealing(sealed) ? seal(plaintext, context) : sealed;
    }

    /** Names the likely cause from the key-id prefix, so an operator can tell a retired key from a misplaced value. */
    private String whyNot(byte[] sealed) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (hasPrefix(sealed, prefixOf(entry))) {
                return "it was sealed under key " + Integer.toUnsignedString(entry.getId())
                        + ", which is in the keyset, so it belongs to another context or has been altered";
            }
        }
        return "it was not sealed under any key in the keyset (a key retired before every value was resealed,"
                + " another keyset, or not a sealed value)";
    }

    private static Bytes prefixOf(KeysetHandle.Entry entry) {
        return ((AeadKey) entry.getKey()).getOutputPrefix();
    }

    private static boolean hasPrefix(byte[] sealed, Bytes prefix) {
        return sealed.length >= prefix.size() && Bytes.copyFrom(sealed, 0, prefix.size()).equals(prefix);
    }

    private static byte[] associatedData(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("A sealed value needs a context naming where it belongs");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
