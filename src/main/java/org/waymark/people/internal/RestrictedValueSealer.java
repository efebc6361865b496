package org.waymark.people.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.Resealable;

/**
 * Keeps restricted addresses and phones sealed: at start-up it seals any restricted row still in plain text
 * (rows written before sealing existed), and on request reseals values after a key rotation.
 */
@Component
class RestrictedValueSealer implements Resealable {

    private static final Logger log = LoggerFactory.getLogger(RestrictedValueSealer.class);

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    RestrictedValueSealer(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealPlainRestrictedValues() {
        int sealed = 0;
        for (Map<String, Object> row : jdbc.sql("""
                select id, address, postcode from person_address where restricted and address is not null for update""")
                .query().listOfRows()) {
            String id = row.get("id").toString();
            sealed += jdbc.sql("""
                    update person_address set sealed_address = ?, sealed_postcode = ?, address = null, postcode = null
                     where id = ?""").params(encryption.seal((String) row.get("address"), "person_address/" + id + "/address"),
                    encryption.seal((String) row.get("postcode"), "person_address/" + id + "/postcode"), row.get("id")).update();
        }
        for (Map<String, Object> row : jdbc.sql("""
                select id, value from person_contact where restricted and value is not null for update""")
                .query().listOfRows()) {
            sealed += jdbc.sql("update person_contact set sealed_value = ?, value = null where id = ?")
                    .params(encryption.seal((String) row.get("value"), "person_contact/" + row.get("id") + "/value"),
                            row.get("id")).update();
        }
        if (sealed > 0) {
            log.info("Sealed {} restricted values that were held in plain text", sealed);
        }
    }

    @Override
    @Transactional
    public int resealAll() {
        int resealed = 0;
        List<Map<String, Object>> addresses = jdbc.sql("""
                select id, sealed_address, sealed_postcode from person_address where sealed_address is not null for update""")
                .query().listOfRows();
        for (Map<String, Object> row : addresses) {
            byte[] address = (byte[]) row.get("sealed_address");
            byte[] postcode = (byte[]) row.get("sealed_postcode");
            if (encryption.needsResealing(address) || encryption.needsResealing(postcode)) {
                String id = row.get("id").toString();
                jdbc.sql("update person_address set sealed_address = ?, sealed_postcode = ? where id = ?")
                        .params(encryption.reseal(address, "person_address/" + id + "/address"),
                                encryption.reseal(postcode, "person_address/" + id + "/postcode"), row.get("id")).update();
                resealed++;
            }
        }
        for (Map<String, Object> row : jdbc.sql("select id, sealed_value from person_contact where sealed_value is not null for update")
                .query().listOfRows()) {
            byte[] value = (byte[]) row.get("sealed_value");
            if (encryption.needsResealing(value)) {
                jdbc.sql("update person_contact set sealed_value = ? where id = ?")
                        .params(encryption.reseal(value, "person_contact/" + row.get("id") + "/value"), row.get("id")).update();
                resealed++;
            }
        }
        return resealed;
    }
}
