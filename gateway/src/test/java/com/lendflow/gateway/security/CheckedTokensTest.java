package com.lendflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CheckedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    final MovableClock clock = new MovableClock(NOW);
    final List<String> checked = new CopyOnWriteArrayList<>();
    /** Stands in for Nimbus: signature, issuer, audience and expiry. */
    final ReactiveJwtDecoder checker = token -> Mono.defer(() -> {
        checked.add(token);
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("Invalid signature"));
        }
        Instant expiresAt = NOW.plus(Duration.ofMinutes(5));
        if (!clock.instant().isBefore(expiresAt)) {
            return Mono.error(new JwtValidationException("Jwt expired at " + expiresAt,
                    List.of(new OAuth2Error("invalid_token"))));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("app-backend")
                .issuedAt(NOW).expiresAt(expiresAt).build());
    });
    final CheckedTokens tokens = new CheckedTokens(checker, 100, clock);

    @Test
    void aTokenThatPassedIsNotCheckedAgainWhileItLives() {
        for (int i = 0; i < 1000; i++) {
            assertThat(tokens.decode("app-token").block().getSubject()).isEqualTo("app-backend");
        }
        assertThat(checked).containsExactly("app-token");
    }

    @Test
    void aForgedOrDifferentTokenIsCheckedInFullEveryTime() {
        tokens.decode("app-token").block();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-app-token").block()).isInstanceOf(BadJwtException.class);
        }
        tokens.decode("app-tokeN").block();

        assertThat(checked).containsExactly("app-token", "forged-app-token", "forged-app-token", "app-tokeN");
    }

    @Test
    void anExpiredTokenIsNeverServedFromMemory() {
        tokens.decode("app-token").block();
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode("app-token").block()).isInstanceOf(JwtValidationException.class);
        assertThat(checked).containsExactly("app-token", "app-token");
    }

    @Test
    void memoryIsBoundedByTheMaximumSize() {
        CheckedTokens few = new CheckedTokens(checker, 10, clock);
        for (int i = 0; i < 500; i++) {
            few.decode("token-" + i).block();
        }
        assertThat(few.remembered()).isLessThanOrEqualTo(10);
    }
}
