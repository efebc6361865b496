package org.waymark.platform.internal;

import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.platform.Deployment;
import org.waymark.platform.FieldEncryption;

/** The {@link FieldEncryption} bean. Start-up fails, naming the setting, when no usable keyset is found. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EncryptionProperties.class, EmbeddedDatabaseProperties.class})
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    FieldEncryption fieldEncryption(Deployment deployment, EncryptionProperties encryption,
                                    EmbeddedDatabaseProperties database) {
        KeysetHandle keyset = KeysetSource.load(encryption, deployment.embeddedDatabase(),
                KeysetSource.besideEmbeddedData(database));
        // Key ids only: never key material.
        log.info("Field encryption keyset: {}", Keysets.describe(keyset));
        return new TinkFieldEncryption(keyset);
    }
}
