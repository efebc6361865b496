package org.waymark.organisations.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API (and its documentation, and the actuator) answers 401/403 problem+json,
 * accepts HTTP Basic for local accounts and, when an OIDC issuer is configured, bearer tokens. The web
 * pages use a GOV.UK sign-in form with a session that times out after 15 idle minutes.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/actuator", "/actuator/**"};

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm recorded in each hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                    AuditingAccessDeniedHandler accessDenied, ObjectProvider<JwtDecoder> jwtDecoder,
                                    JwtActorConverter jwtConverter) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Waymark").authenticationEntryPoint(entryPoint))
                // A signed-in browser session may call the API (Swagger UI); the API never starts a session.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::cannotBeForged))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, AuditingAccessDeniedHandler accessDenied) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/assets/**", "/webjars/**", "/js/**", "/css/**", "/favicon.ico", "/error",
                                "/error/**", "/sign-in", "/accessibility").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LockedException
                                        ? "/sign-in?locked" : "/sign-in?error")))
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("WAYMARK_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * CSRF matters only where a browser adds credentials by itself. A call with no session cookie and
     * no credentials carries no authority to abuse (it gets 401); a call with its own Authorization
     * header and a JSON body (or none) cannot be forged, since browsers send neither cross-site
     * without CORS. Everything else, such as a form post riding on a session cookie, needs the token.
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        if (request.getHeader("Authorization") == null) {
            return request.getSession(false) == null;
        }
        String contentType = request.getContentType();
        return request.getContentLengthLong() <= 0 && contentType == null
                || contentType != null && contentType.toLowerCase().contains("json");
    }
}
