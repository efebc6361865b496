package org.waymark.organisations.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.WaymarkTest;
import org.waymark.audit.AuditTrail;
import org.waymark.organisations.DemoData;
import org.waymark.platform.Deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WaymarkTest
class BootstrapAdministratorTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DemoData demoData;

    private BootstrapAdministrator bootstrap(String username, String password) {
        return new BootstrapAdministrator(jdbc, passwords, audit, transaction, username, password, "Test Partnership Team");
    }

    @Test
    void createsTheFirstAdministratorOnlyWhileThereIsNone() {
        // Run inside a transaction that is rolled back, so the shared database keeps its administrators.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from app_user_role where role = 'ADMIN'").update();
            bootstrap("first.admin", "a long enough secret").run(new DefaultApplicationArguments());
            assertThat(jdbc.sql("""
                    select count(*) from app_user u join app_user_role r on r.user_id = u.id
                     where u.username = 'first.admin' and r.role = 'ADMIN'""").query(Long.class).single()).isOne();
            String hash = jdbc.sql("select password_hash from app_user where username = 'first.admin'")
                    .query(String.class).single();
            assertThat(passwords.matches("a long enough secret", hash)).isTrue();

            bootstrap("second.admin", "another long secret").run(new DefaultApplicationArguments());
            assertThat(jdbc.sql("select count(*) from app_user where username = 'second.admin'")
                    .query(Long.class).single()).isZero();
            status.setRollbackOnly();
        });
    }

    @Test
    void refusesAWeakBootstrapPassword() {
        assertThatThrownBy(() -> bootstrap("first.admin", "short").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("12 characters");
    }

    @Test
    void doesNothingWithoutTheEnvironmentVariables() {
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        bootstrap("", "").run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users);
    }

    @Test
    void demoDataIsNeverLoadedOnAnExternalDatabase() {
        long before = jdbc.sql("select count(*) from app_user where username = 'demo.police'").query(Long.class).single();
        transaction.executeWithoutResult(status -> {
            // Out of the way for this (rolled back) transaction; other records still point at these users.
            jdbc.sql("update app_user set username = 'moved.' || username where username like 'demo.%'").update();
            jdbc.sql("update agency set name = 'Moved ' || name").update();
            new DemoDataLoader(new Deployment(false), demoData, true).run(new DefaultApplicationArguments());
            assertThat(jdbc.sql("select count(*) from app_user where username like 'demo.%'").query(Long.class).single()).isZero();
            new DemoDataLoader(new Deployment(true), demoData, true).run(new DefaultApplicationArguments());
            assertThat(jdbc.sql("select count(*) from app_user where username like 'demo.%'").query(Long.class).single()).isPositive();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from app_user where username = 'demo.police'").query(Long.class).single())
                .isEqualTo(before);
    }
}
