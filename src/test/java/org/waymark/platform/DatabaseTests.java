package org.waymark.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.WaymarkTest;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WaymarkTest
class DatabaseTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Deployment deployment;

    @Test
    void runsOnPostgresqlFifteenOrNewer() {
        int version = jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single();
        assertThat(version).isGreaterThanOrEqualTo(150000);
    }

    @Test
    void embeddedModeFollowsTheConfiguredUrl() {
        String external = System.getProperty("waymark.test.db.url", "");
        assertThat(deployment.embeddedDatabase()).isEqualTo(external.isBlank());
    }

    @Test
    void migrationsCreateTheFuzzyMatchingExtensionsWhenTheServerHasThem() {
        boolean available = jdbc.sql("select exists (select 1 from pg_available_extensions where name = 'pg_trgm')")
                .query(Boolean.class).single();
        boolean installed = jdbc.sql("select exists (select 1 from pg_extension where extname = 'pg_trgm')")
                .query(Boolean.class).single();
        assertThat(installed).isEqualTo(available);
    }

    @Test
    void acknowledgedCommitsAreDurable() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void auditRowsCannotBeUpdatedDeletedOrTruncated() {
        transaction.executeWithoutResult(s -> audit.record(AuditEntry.allowed("TEST_ROW", "TEST", "x")));
        long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'CHANGED' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select action from audit_event where id = ?").param(id).query(String.class).single())
                .isEqualTo("TEST_ROW");
    }
}
