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
    void theSuiteRunsOnTheDatabaseItWasPointedAt() {
        String external = System.getProperty("waymark.test.db.url", "");
        String database = jdbc.sql("select current_database()").query(String.class).single();
        if (external.isBlank()) {
            assertThat(deployment.embeddedDatabase()).isTrue();
            assertThat(database).isEqualTo("waymark");
        } else {
            assertThat(deployment.embeddedDatabase()).isFalse();
            assertThat(external).endsWith("/" + database);
        }
    }

    @Test
    void migrationsCreateTheFuzzyMatchingExtensions() {
        // Both servers we support here (embedded 17, Debian's 15) ship them; production checks at start.
        assertThat(jdbc.sql("select extname from pg_extension").query(String.class).list())
                .contains("pg_trgm", "fuzzystrmatch");
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
