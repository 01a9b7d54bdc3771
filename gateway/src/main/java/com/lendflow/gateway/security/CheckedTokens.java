package com.lendflow.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's memory of tokens it has already checked, until each one expires: the app backend
 * sends the same token with every request, and parsing it and checking its RSA signature each time
 * was an eighth of the gateway's CPU under load (docs/benchmarks.md). The services do the same
 * (platform security's CheckedTokens).
 *
 * <p>The key is the whole token, signature included. Only a token that passed every check is
 * remembered; a refused one is checked again each time. A remembered token is served only while its
 * {@code exp} is in the future.
 */
final class CheckedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder checker;
    private final Clock clock;
    private final Cache<String, Jwt> checked;

    CheckedTokens(ReactiveJwtDecoder checker, long maximumSize, Clock clock) {
        this.checker = checker;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt remembered = checked.getIfPresent(token);
        if (remembered != null && live(remembered)) {
            return Mono.just(remembered);
        }
        return checker.decode(token).doOnNext(jwt -> {
            if (live(jwt)) {
                checked.put(token, jwt);
            }
        });
    }

    long remembered() {
        checked.cleanUp();
        return checked.estimatedSize();
    }

    private boolean live(Jwt jwt) {
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
