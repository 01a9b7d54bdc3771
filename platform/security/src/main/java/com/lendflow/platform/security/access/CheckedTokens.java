package com.lendflow.platform.security.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens a service has already checked, until each one expires, so a token that
 * comes back (the app backend's, another service's, a signed-in staff member's) is not parsed and
 * its signature checked again on every request. Under load this was an eighth of every service's
 * CPU (docs/benchmarks.md, "The quote and the gateway").
 *
 * <p>The key is the whole token, signature included: a token that differs in one character is
 * checked in full. Only a token that passed every check (signature, expiry, issuer, audience) is
 * remembered; one that failed is checked again each time it is presented and fails again. A
 * remembered token is served only while its {@code exp} is in the future, by this service's clock,
 * so the cache never makes a token live longer than it would have without it.
 */
public final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder checker;
    private final Clock clock;
    private final Cache<String, Jwt> checked;

    public CheckedTokens(JwtDecoder checker, long maximumSize, Clock clock) {
        this.checker = checker;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = checked.getIfPresent(token);
        if (remembered != null && live(remembered, clock)) {
            return remembered;
        }
        Jwt jwt = checker.decode(token);
        if (live(jwt, clock)) {
            checked.put(token, jwt);
        }
        return jwt;
    }

    /** How many checked tokens are remembered now (for tests). */
    long remembered() {
        checked.cleanUp();
        return checked.estimatedSize();
    }

    static boolean live(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
