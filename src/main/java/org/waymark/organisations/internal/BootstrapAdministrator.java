package org.waymark.organisations.internal;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.organisations.AgencyType;
import org.waymark.organisations.Role;

/**
 * The first administrator in production comes from WAYMARK_BOOTSTRAP_ADMIN_USERNAME and
 * WAYMARK_BOOTSTRAP_ADMIN_PASSWORD, and only while no administrator exists. There is no default password.
 */
@Component
@Order(20)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final String username;
    private final String password;
    private final String agencyName;

    BootstrapAdministrator(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, TransactionTemplate transaction,
                           @Value("${WAYMARK_BOOTSTRAP_ADMIN_USERNAME:}") String username,
                           @Value("${WAYMARK_BOOTSTRAP_ADMIN_PASSWORD:}") String password,
                           @Value("${WAYMARK_BOOTSTRAP_ADMIN_AGENCY:Domestic abuse partnership team}") String agencyName) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.username = username.trim().toLowerCase();
        this.password = password;
        this.agencyName = agencyName.trim();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        if (password.length() < 12 || password.toLowerCase().contains(username)) {
            throw new IllegalStateException("WAYMARK_BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters"
                    + " and must not contain the username");
        }
        transaction.executeWithoutResult(status -> {
            boolean adminExists = jdbc.sql("select exists (select 1 from app_user_role where role = 'ADMIN')")
                    .query(Boolean.class).single();
            if (adminExists) {
                log.info("An administrator already exists; WAYMARK_BOOTSTRAP_ADMIN_USERNAME is ignored");
                return;
            }
            UUID agencyId = jdbc.sql("select id from agency where lower(name) = lower(?)").param(agencyName)
                    .query(UUID.class).optional().orElseGet(() -> {
                        UUID id = UUID.randomUUID();
                        jdbc.sql("insert into agency (id, name, type) values (?, ?, ?)")
                                .params(id, agencyName, AgencyType.DA_PARTNERSHIP.name()).update();
                        return id;
                    });
            UUID userId = UUID.randomUUID();
            jdbc.sql("insert into app_user (id, username, display_name, agency_id, password_hash) values (?, ?, ?, ?, ?)")
                    .params(userId, username, "Administrator", agencyId, passwords.encode(password)).update();
            jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)").params(userId, Role.ADMIN.name()).update();
            audit.record(AuditEntry.allowed("BOOTSTRAP_ADMIN", "USER", userId));
            log.info("Created the first administrator '{}'", username);
        });
    }
}
