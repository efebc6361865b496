package org.waymark.organisations.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Bearer tokens are accepted only for this service: when an OIDC issuer is configured, an audience
 * must be too, or a token the provider issued to any other application would be accepted here.
 */
@Component
class OidcSettingsCheck implements InitializingBean {

    private final Environment environment;

    OidcSettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        boolean tokensOn = StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                || StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        boolean audience = StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"))
                || StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences[0]"));
        if (tokensOn && !audience) {
            throw new IllegalStateException("OIDC is configured without an audience: set"
                    + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES to the audience Waymark's tokens carry");
        }
    }
}
