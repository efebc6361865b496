package org.waymark.organisations.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

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

    // JSON is never a document to render: nothing may load from it, nothing may frame it.
    private static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    // No page needs any of these; denying them limits what injected content could do.
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm recorded in each hash so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                    AuditingAccessDeniedHandler accessDenied, ObjectProvider<JwtDecoder> jwtDecoder,
                                    JwtActorConverter jwtConverter, SignInThrottle throttle) throws Exception {
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
                .addFilterBefore(new SignInThrottleFilter(throttle, SignInThrottleFilter.Kind.HTTP_BASIC),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .headers(headers -> {
                    commonHeaders(headers);
                    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/"),
                            new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY)));
                });
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, AuditingAccessDeniedHandler accessDenied,
                                    SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/assets/**", "/webjars/**", "/js/**", "/css/**", "/favicon.ico", "/error",
                                "/error/**", "/sign-in", "/accessibility").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/", false)
                        // One answer for every failure, so the page never tells which usernames exist.
                        .failureUrl("/sign-in?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("WAYMARK_SESSION"))
                .addFilterBefore(new SignInThrottleFilter(throttle, SignInThrottleFilter.Kind.FORM),
                        UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied))
                .headers(headers -> commonHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * Headers for pages and API alike (Spring Security's defaults also send Cache-Control: no-store
     * and X-Frame-Options: DENY). No referrer at all: our URLs name people's records, and no page
     * relies on the header. HSTS only on a secure request: over plain HTTP the browser ignores it,
     * and behind a TLS-terminating proxy the request is secure once server.forward-headers-strategy
     * lets X-Forwarded-Proto through.
     */
    private static HeadersConfigurer<HttpSecurity> commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts
                        .requestMatcher(HttpServletRequest::isSecure)
                        .maxAgeInSeconds(31_536_000)
                        .includeSubDomains(true));
    }

    /**
     * CSRF matters only where a browser adds credentials by itself. A call with no session and no
     * credentials carries no authority to abuse (it gets 401). A bearer token is never added by a
     * browser. HTTP Basic credentials can be cached by a browser, so a Basic call is exempt only with
     * a JSON body type, which no other site can send without a CORS preflight.
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return request.getSession(false) == null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        return isJson(request.getContentType());
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
