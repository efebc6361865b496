package org.waymark.organisations.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an OIDC provider configured (here: a JwtDecoder holding a test signing key, as Spring Boot
 * builds one from the issuer's keys), the API accepts bearer tokens naming local users.
 */
@SpringBootTest(classes = {org.waymark.WaymarkApplication.class, OidcBearerTokenTests.SigningKey.class})
@AutoConfigureMockMvc
class OidcBearerTokenTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class SigningKey {

        static final KeyPair KEYS = generate();

        static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    private static String token(String username, Instant expiresAt) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) SigningKey.KEYS.getPublic())
                .privateKey((RSAPrivateKey) SigningKey.KEYS.getPrivate()).keyID("test").build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("https://idp.test").subject("subject-" + username)
                .claim("preferred_username", username).issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
                claims)).getTokenValue();
    }

    @Test
    void aTokenNamingALocalUserActsWithThatUsersAgencyAndRoles() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token("demo.idva", Instant.now().plusSeconds(300))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyName").value("Haven IDVA Service"))
                .andExpect(jsonPath("$.roles", containsInAnyOrder("IDVA")));
    }

    @Test
    void aTokenNamingNoLocalUserIsRefused() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token("stranger", Instant.now().plusSeconds(300))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token("demo.idva", Instant.now().minusSeconds(120))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void httpBasicStillWorksAlongsideTokens() throws Exception {
        mvc.perform(get("/api/v1/me").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("demo.idva", "demo")))
                .andExpect(status().isOk());
    }
}
