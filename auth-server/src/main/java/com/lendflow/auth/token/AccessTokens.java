package com.lendflow.auth.token;

import com.lendflow.auth.AuthSettings;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/** How access tokens are signed, shaped and (not) remembered. */
@Configuration(proxyBeanMethods = false)
class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    /** Served at /oauth2/jwks (public part only) and used to sign every token. */
    @Bean
    JWKSource<SecurityContext> signingKeys(AuthSettings settings) {
        RSAKey key;
        if (settings.signingKey() != null) {
            key = SigningKey.fromPem(settings.signingKey(), settings.signingKeyId());
            log.info("Signing tokens with the configured key {}", key.getKeyID());
        } else {
            key = SigningKey.generated();
            log.warn("No lendflow.auth.signing-key configured: signing with key {} generated at startup. Tokens it "
                    + "issues will not survive a restart (fine for a local run, not for production).", key.getKeyID());
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * JWT access tokens only: no opaque tokens and no refresh tokens, since clients simply ask
     * again with their own credentials when a token expires.
     */
    @Bean
    OAuth2TokenGenerator<Jwt> accessTokenGenerator(JWKSource<SecurityContext> signingKeys, AuthSettings settings) {
        JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
        generator.setJwtCustomizer(new AccessTokenClaims(settings.audience()));
        return generator;
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        return new NothingRemembered();
    }
}
