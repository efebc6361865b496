package org.waymark.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The application's own FieldEncryption bean, on the keyset the suite's deployment gets. */
@WaymarkTest
class FieldEncryptionTests {

    @Autowired
    FieldEncryption encryption;

    @Autowired
    Deployment deployment;

    @Test
    void theApplicationSealsAndOpensRestrictedValues() {
        byte[] sealed = encryption.seal("Refuge, 1 Hidden Lane", "person_address/1/address");

        assertThat(encryption.open(sealed, "person_address/1/address")).isEqualTo("Refuge, 1 Hidden Lane");
        assertThat(encryption.needsResealing(sealed)).isFalse();
        assertThatThrownBy(() -> encryption.open(sealed, "person_address/2/address"))
                .isInstanceOf(FieldEncryptionException.class);
    }

    @Test
    void onTheEmbeddedDatabaseTheKeysetIsKeptBesideItsData() {
        assumeTrue(deployment.embeddedDatabase(), "the external-db run is given a keyset file");
        assertThat(Path.of("target/embedded-postgres/encryption-keyset.json")).isRegularFile();
    }
}
