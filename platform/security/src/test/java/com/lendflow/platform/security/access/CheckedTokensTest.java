package com.lendflow.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class CheckedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    /** Stands in for the signature, issuer, audience and expiry checks; records every token it is asked to check. */
    static final class Checker implements JwtDecoder {
        final List<String> checked = new ArrayList<>();
        final MovableClock clock;

        Checker(MovableClock clock) {
            this.clock = clock;
        }

        @Override
        public Jwt decode(String token) {
            checked.add(token);
            if (token.startsWith("forged")) {
                throw new BadJwtException("An error occurred while attempting to decode the Jwt: Invalid signature");
            }
            Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("app-backend")
                    .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(5))).build();
            if (!clock.instant().isBefore(jwt.getExpiresAt())) {
                throw new JwtValidationException("Jwt expired at " + jwt.getExpiresAt(),
                        List.of(new OAuth2Error("invalid_token")));
            }
            return jwt;
        }
    }

    final MovableClock clock = new MovableClock(NOW);
    final Checker checker = new Checker(clock);
    final CheckedTokens tokens = new CheckedTokens(checker, 100, clock);

    @Test
    void aTokenThatPassedIsNotCheckedAgainWhileItLives() {
        for (int i = 0; i < 1000; i++) {
            assertThat(tokens.decode("app-token").getSubject()).isEqualTo("app-backend");
        }
        assertThat(checker.checked).containsExactly("app-token");
    }

    @Test
    void aTokenDifferingInOneCharacterIsCheckedInFull() {
        tokens.decode("app-token");

        assertThatThrownBy(() -> tokens.decode("forged-app-token")).isInstanceOf(BadJwtException.class);
        tokens.decode("app-tokeN");

        assertThat(checker.checked).containsExactly("app-token", "forged-app-token", "app-tokeN");
    }

    @Test
    void aTokenThatFailedIsCheckedAndRefusedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checker.checked).hasSize(3);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void anExpiredTokenIsNeverServedFromMemory() {
        tokens.decode("app-token");

        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode("app-token")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(checker.checked).containsExactly("app-token", "app-token");
    }

    @Test
    void memoryIsBoundedByTheMaximumSize() {
        CheckedTokens few = new CheckedTokens(checker, 10, clock);
        for (int i = 0; i < 500; i++) {
            few.decode("token-" + i);
        }
        assertThat(few.remembered()).isLessThanOrEqualTo(10);
    }
}
