package org.waymark.marac.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.Resealable;

/** Reseals MARAC referrals' safe contact details after a key rotation. */
@Component
class SafeContactSealer implements Resealable {

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    SafeContactSealer(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    @Transactional
    public int resealAll() {
        int resealed = 0;
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, sealed_safe_contact from marac_referral where sealed_safe_contact is not null for update""")
                .query().listOfRows();
        for (Map<String, Object> row : rows) {
            byte[] sealed = (byte[]) row.get("sealed_safe_contact");
            if (encryption.needsResealing(sealed)) {
                jdbc.sql("update marac_referral set sealed_safe_contact = ? where id = ?")
                        .params(encryption.reseal(sealed, "marac_referral/" + row.get("id") + "/safe_contact"), row.get("id"))
                        .update();
                resealed++;
            }
        }
        return resealed;
    }
}
