package org.waymark.organisations.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * An OIDC provider proves who the caller is; Waymark decides what they may do. The token's username
 * claim must name an enabled local account, whose agency and roles apply.
 */
@Component
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountUserDetailsService accounts;
    private final SecurityProperties properties;

    JwtActorConverter(AccountUserDetailsService accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(properties.oidcUsernameClaim());
        if (username == null) {
            throw invalid("The token has no " + properties.oidcUsernameClaim() + " claim");
        }
        WaymarkUserDetails user;
        try {
            user = accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw invalid("The token names no Waymark user");
        }
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            throw invalid("The Waymark account is disabled or locked");
        }
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", description, null));
    }
}
