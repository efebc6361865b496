package org.waymark.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmParameters;
import org.junit.jupiter.api.Test;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.FieldEncryptionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldEncryptionTest {

    private static final String SAFE_ADDRESS = "Flat 3, 12 Orchard Row, Wellington TF1 9ZZ";
    private static final String CONTEXT = "person_address/41/address";

    private final KeysetHandle first = Keysets.generate();
    private final FieldEncryption encryption = new TinkFieldEncryption(first);

    @Test
    void aSealedValueOpensWithTheSameContext() {
        for (String value : new String[] {SAFE_ADDRESS, "", "07700 900123", "Zoë Ó Súilleabháin, 1 Rue d'Été"}) {
            assertThat(encryption.open(encryption.seal(value, CONTEXT), CONTEXT)).isEqualTo(value);
        }
    }

    @Test
    void aNullValueStaysNull() {
        assertThat(encryption.seal(null, CONTEXT)).isNull();
        assertThat(encryption.open(null, CONTEXT)).isNull();
        assertThat(encryption.needsResealing(null)).isFalse();
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        byte[] sealed = encryption.seal(SAFE_ADDRESS, CONTEXT);

        for (String elsewhere : new String[] {"person_address/42/address", "person_address/41/postcode", "person_contact/41/value"}) {
            assertThatThrownBy(() -> encryption.open(sealed, elsewhere))
                    .isInstanceOf(FieldEncryptionException.class)
                    .hasMessageContaining(elsewhere)
                    .hasMessageContaining("belongs to another context or has been altered")
                    .hasMessageNotContaining(SAFE_ADDRESS);
        }
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        byte[] sealed = encryption.seal(SAFE_ADDRESS, CONTEXT);
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> encryption.open(sealed, CONTEXT)).isInstanceOf(FieldEncryptionException.class);
    }

    @Test
    void theSealedFormCarriesNoneOfThePlaintextAndDiffersEachTime() {
        byte[] plaintext = SAFE_ADDRESS.getBytes(StandardCharsets.UTF_8);
        byte[] once = encryption.seal(SAFE_ADDRESS, CONTEXT);
        byte[] twice = encryption.seal(SAFE_ADDRESS, CONTEXT);

        assertThat(contains(once, plaintext)).isFalse();
        assertThat(contains(once, "Orchard".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(once, CONTEXT.getBytes(StandardCharsets.UTF_8))).isFalse();
        // A fresh nonce each time: equal addresses must not show as equal ciphertexts.
        assertThat(once).isNotEqualTo(twice);
    }

    @Test
    void aContextIsRequired() {
        assertThatThrownBy(() -> encryption.seal(SAFE_ADDRESS, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encryption.open(new byte[10], null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterRotationOldValuesStillOpenNeedResealingAndResealingMakesThemCurrent() {
        byte[] old = encryption.seal(SAFE_ADDRESS, CONTEXT);
        assertThat(encryption.needsResealing(old)).isFalse();

        FieldEncryption rotated = new TinkFieldEncryption(Keysets.rotate(first));

        assertThat(rotated.open(old, CONTEXT)).isEqualTo(SAFE_ADDRESS);
        assertThat(rotated.needsResealing(old)).isTrue();
        byte[] resealed = rotated.reseal(old, CONTEXT);
        assertThat(rotated.needsResealing(resealed)).isFalse();
        assertThat(rotated.open(resealed, CONTEXT)).isEqualTo(SAFE_ADDRESS);
        assertThat(rotated.needsResealing(rotated.seal("new value", CONTEXT))).isFalse();
        // Already current: returned as it is, so the reseal command can skip the write.
        assertThat(rotated.reseal(resealed, CONTEXT)).isSameAs(resealed);
    }

    @Test
    void resealingChecksTheContext() {
        FieldEncryption rotated = new TinkFieldEncryption(Keysets.rotate(first));
        byte[] old = encryption.seal(SAFE_ADDRESS, CONTEXT);
        byte[] current = rotated.seal(SAFE_ADDRESS, CONTEXT);

        assertThatThrownBy(() -> rotated.reseal(old, "person_address/42/address")).isInstanceOf(FieldEncryptionException.class);
        assertThatThrownBy(() -> rotated.reseal(current, "person_address/42/address")).isInstanceOf(FieldEncryptionException.class);
    }

    @Test
    void afterRetiringResealedValuesOpenAndOthersNeverDo() {
        byte[] resealedLater = encryption.seal(SAFE_ADDRESS, CONTEXT);
        byte[] leftBehind = encryption.seal("07700 900123", "person_contact/7/value");
        KeysetHandle next = Keysets.rotate(first);
        byte[] resealed = new TinkFieldEncryption(next).reseal(resealedLater, CONTEXT);

        FieldEncryption retired = new TinkFieldEncryption(Keysets.retire(next));

        assertThat(retired.open(resealed, CONTEXT)).isEqualTo(SAFE_ADDRESS);
        assertThatThrownBy(() -> retired.open(leftBehind, "person_contact/7/value"))
                .isInstanceOf(FieldEncryptionException.class)
                .hasMessageContaining("not sealed under any key in the keyset")
                .hasMessageNotContaining("07700");
    }

    @Test
    void aKeysetWithoutKeyIdPrefixesIsRefused() throws Exception {
        KeysetHandle raw = KeysetHandle.generateNew(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build());

        assertThatThrownBy(() -> new TinkFieldEncryption(raw))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-id prefix");
        assertThatThrownBy(() -> Keysets.parse(Keysets.toJson(raw), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-id prefix");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
