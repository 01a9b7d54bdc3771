package com.lendflow.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void readsPayoutsByReferenceAndRemembersFromItsOldestTransfer() {
        Channel channel = Channel.of(Json.parse("""
                [{"requestNo":"PO1","direction":"PAYOUT","reference":"d-1","amount":"100.00","status":"SUCCESS",
                  "acceptedAt":"2026-01-05T02:00:01.5Z","completedAt":null,"submissions":2,"failureCode":null},
                 {"requestNo":"CO1","direction":"COLLECTION","reference":"r-1","amount":"33.84","status":"SUCCESS",
                  "acceptedAt":"2026-01-05T01:00:00Z"},
                 {"requestNo":"PO2","direction":"PAYOUT","reference":"d-1","amount":"100.00","status":"FAILED",
                  "acceptedAt":"2026-01-05T03:00:00Z","returnReason":"a \\"quoted\\" \\u4e2d reason"}]"""));

        assertThat(channel.transfers()).isEqualTo(3);
        assertThat(channel.horizon()).isEqualTo(Instant.parse("2026-01-05T01:00:00Z"));
        assertThat(channel.payoutsFor("d-1")).extracting(Channel.Payout::status).containsExactly("SUCCESS", "FAILED");
        assertThat(channel.payoutsFor("d-1").getFirst().amount()).isEqualByComparingTo("100.00");
        assertThat(channel.payoutsFor("r-1")).isEmpty();
    }

    @Test
    void aChannelThatRemembersNothingHasNoHorizon() {
        assertThat(Channel.of(Json.parse("[]")).horizon()).isEqualTo(Instant.MAX);
    }
}
