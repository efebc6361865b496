package org.waymark.organisations.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.waymark.platform.Actor;
import org.waymark.platform.ActorPrincipal;

/** The signed-in user as Spring Security sees them; roles become ROLE_* authorities. */
final class WaymarkUserDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    WaymarkUserDetails(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor);
    }

    static List<SimpleGrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().sorted().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
