package org.waymark.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/** The organisations module's API for user accounts. Users are personal data: every read is audited. */
@Service
public class UserAccounts {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.agency_id, a.name as agency_name, u.enabled,
                   u.locked_until, u.version,
                   coalesce((select string_agg(r.role, ',') from app_user_role r where r.user_id = u.id), '') as roles
              from app_user u join agency a on a.id = u.agency_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Administrators administrators;
    private final PasswordEncoder passwords;
    private final Agencies agencies;

    UserAccounts(JdbcClient jdbc, AuditTrail audit, Administrators administrators, PasswordEncoder passwords,
                 Agencies agencies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.administrators = administrators;
        this.passwords = passwords;
        this.agencies = agencies;
    }

    @Transactional
    public List<UserAccount> list() {
        administrators.require("LIST_USERS", "USER");
        List<UserAccount> users = jdbc.sql(SELECT + " order by lower(u.username)").query(UserAccounts::map).list();
        audit.record(AuditEntry.allowed("LIST_USERS", "USER", null).with("results", Integer.toString(users.size())));
        return users;
    }

    /** An administrator may see any account, a user their own; for anyone else the account does not exist. */
    @Transactional
    public UserAccount get(UUID id) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole(Role.ADMIN.name()) && !actor.userId().equals(id)) {
            audit.recordIndependently(AuditEntry.refused("READ_USER", "USER", id, "no relationship to this account"));
            throw new NotFoundException("User");
        }
        UserAccount user = jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserAccounts::map).optional()
                .orElseThrow(() -> new NotFoundException("User"));
        audit.record(AuditEntry.allowed("READ_USER", "USER", id));
        return user;
    }

    @Transactional
    public UserAccount create(NewUser request) {
        administrators.require("CREATE_USER", "USER");
        String username = request.username().trim().toLowerCase();
        List<FieldError> errors = new ArrayList<>();
        boolean taken = jdbc.sql("select exists (select 1 from app_user where lower(username) = ?)")
                .param(username).query(Boolean.class).single();
        if (taken) {
            errors.add(new FieldError("username", "A user with this username already exists"));
        }
        Optional<Agency> agency = agencies.find(request.agencyId());
        if (agency.isEmpty() || !agency.get().active()) {
            errors.add(new FieldError("agencyId", "Select an active agency"));
        }
        if (request.password().toLowerCase().contains(username)) {
            errors.add(new FieldError("password", "Password must not contain the username"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID id = insert(username, request.displayName().trim(), blankToNull(request.email()), request.agencyId(),
                request.roles(), passwords.encode(request.password()));
        audit.record(AuditEntry.allowed("CREATE_USER", "USER", id).with("roles", rolesText(request.roles())));
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserAccounts::map).single();
    }

    /**
     * The signed-in user changes their own password, proving they know the current one. Every other
     * session keeps working until it times out; the change is audited.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
        Actor actor = CurrentActor.require();
        List<FieldError> errors = new ArrayList<>();
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(actor.userId())
                .query(String.class).single();
        if (currentPassword == null || currentPassword.isEmpty() || !passwords.matches(currentPassword, hash)) {
            errors.add(new FieldError("currentPassword", "Enter your current password correctly"));
        }
        if (newPassword == null || newPassword.length() < 12 || newPassword.length() > 128) {
            errors.add(new FieldError("newPassword", "Your new password must be 12 to 128 characters"));
        } else if (newPassword.toLowerCase().contains(actor.username().toLowerCase())) {
            errors.add(new FieldError("newPassword", "Your new password must not contain your username"));
        } else if (newPassword.equals(currentPassword)) {
            errors.add(new FieldError("newPassword", "Your new password must be different from the current one"));
        } else if (!newPassword.equals(confirmation)) {
            errors.add(new FieldError("confirmPassword", "Enter the same new password twice"));
        }
        if (!errors.isEmpty()) {
            audit.recordIndependently(new AuditEntry("CHANGE_PASSWORD", "USER", actor.userId().toString(),
                    org.waymark.audit.AuditOutcome.FAILED, Map.of("fields", String.valueOf(errors.size()))));
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("update app_user set password_hash = ?, version = version + 1 where id = ?")
                .params(passwords.encode(newPassword), actor.userId()).update();
        audit.record(AuditEntry.allowed("CHANGE_PASSWORD", "USER", actor.userId()));
    }

    /** Lifts a sign-in lockout before it expires. */
    @Transactional
    public void unlock(UUID id) {
        administrators.require("UNLOCK_USER", "USER");
        int updated = jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null, version = version + 1"
                + " where id = ?").param(id).update();
        if (updated == 0) {
            throw new NotFoundException("User");
        }
        audit.record(AuditEntry.allowed("UNLOCK_USER", "USER", id));
    }

    /** Creates an account without the administrator check: for the first administrator and demo data only. */
    UUID insert(String username, String displayName, String email, UUID agencyId, Set<Role> roles,
                String passwordHash) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, username, display_name, email, agency_id, password_hash)
                values (?, ?, ?, ?, ?, ?)
                """).params(id, username, displayName, email, agencyId, passwordHash).update();
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
        return id;
    }

    private static String rolesText(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : rs.getString("roles").split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role));
            }
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"), rs.getObject("agency_id", UUID.class),
                rs.getString("agency_name"), Set.copyOf(roles), rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getInt("version"));
    }

    /** Role labels keyed by role, in declaration order, for forms. */
    public static Map<Role, String> roleLabels() {
        Map<Role, String> labels = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            labels.put(role, role.label());
        }
        return labels;
    }
}
