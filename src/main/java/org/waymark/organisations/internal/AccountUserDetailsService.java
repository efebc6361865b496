package org.waymark.organisations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.waymark.platform.Actor;

/** Loads local accounts for form sign-in and HTTP Basic, and local users named by OIDC tokens. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountUserDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public WaymarkUserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        String normalised = username == null ? "" : username.trim().toLowerCase();
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.agency_id, a.name as agency_name, u.password_hash,
                               u.enabled and a.active as enabled, u.locked_until,
                               coalesce((select string_agg(r.role, ',') from app_user_role r where r.user_id = u.id), '') as roles
                          from app_user u join agency a on a.id = u.agency_id
                         where lower(u.username) = ?
                        """)
                .param(normalised)
                .query((rs, row) -> {
                    Instant lockedUntil = rs.getTimestamp("locked_until") == null ? null
                            : rs.getTimestamp("locked_until").toInstant();
                    Actor actor = new Actor(rs.getObject("id", UUID.class), rs.getString("username"),
                            rs.getString("display_name"), rs.getObject("agency_id", UUID.class),
                            rs.getString("agency_name"),
                            new HashSet<>(Arrays.stream(rs.getString("roles").split(","))
                                    .filter(s -> !s.isBlank()).toList()));
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(clock.instant());
                    return new WaymarkUserDetails(actor, rs.getString("password_hash"), rs.getBoolean("enabled"), locked);
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    UserDetails loadForToken(String username) {
        return loadUserByUsername(username);
    }
}
