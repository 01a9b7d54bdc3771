package com.lendflow.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in token issuer for service tests: a real RSA key, a real JWKS endpoint on localhost,
 * and tokens shaped like the auth server's (issuer, audience, scope, roles). Services validate
 * them through their normal resource-server path; nothing in the service is mocked.
 */
public final class TestTokens {

    public static final String ISSUER = "http://lendflow-test-issuer";
    public static final String AUDIENCE = "lendflow-api";

    private static RSAKey key;
    private static RSAKey forger;
    private static HttpServer jwks;

    private TestTokens() {
    }

    /** The URL of the JWKS the shared test issuer serves. */
    public static synchronized String jwksUri() {
        if (jwks == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
                forger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                jwks = server;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://localhost:" + jwks.getAddress().getPort() + "/jwks";
    }

    /** The app backend's token (scope customer). */
    public static String appBackend() {
        return sign(key, claims("app-backend", List.of("customer"), List.of(), "app", Duration.ofMinutes(15), AUDIENCE));
    }

    /** A staff member's token with the given roles (OPS_AGENT, OPS_SUPERVISOR, RISK_ANALYST, FINANCE, ADMIN). */
    public static String staff(String username, String... roles) {
        return sign(key, claims(username, List.of("ops"), List.of(roles), "staff", Duration.ofMinutes(15), AUDIENCE));
    }

    /** A service's own client-credentials token (scope internal). */
    public static String service(String serviceName) {
        return sign(key, claims(serviceName, List.of("internal"), List.of(), "service", Duration.ofMinutes(15), AUDIENCE));
    }

    public static String expiredAppBackend() {
        return sign(key, claims("app-backend", List.of("customer"), List.of(), "app", Duration.ofMinutes(-5), AUDIENCE));
    }

    /** Signed with a key the issuer never published, under the issuer's key id. */
    public static String forgedAppBackend() {
        jwksUri();
        return sign(forger, claims("app-backend", List.of("customer"), List.of(), "app", Duration.ofMinutes(15), AUDIENCE));
    }

    public static String appBackendForAudience(String audience) {
        return sign(key, claims("app-backend", List.of("customer"), List.of(), "app", Duration.ofMinutes(15), audience));
    }

    private static JWTClaimsSet claims(String subject, List<String> scopes, List<String> roles, String kind,
                                       Duration validFor, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                // Issued a quarter of an hour before it expires, like the auth server's tokens.
                .issueTime(Date.from(now.plus(validFor).minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scopes)
                .claim("client_kind", kind);
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        return claims.build();
    }

    private static synchronized String sign(RSAKey signingKey, JWTClaimsSet claims) {
        jwksUri();
        RSAKey use = signingKey == null ? key : signingKey;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(use.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(use));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
