package com.lendflow.payment.card;

import java.time.Instant;
import java.util.UUID;

/** A card as other Lendflow services need it: whose it is, whether money can go to it, and how to name it. */
public record BankCardInternalView(UUID id, UUID customerId, String state, boolean bound, String bin, String last4,
                                   String channel, Instant boundAt) {

    static BankCardInternalView of(BankCard card) {
        return new BankCardInternalView(card.id(), card.customerId(), card.state().name(), card.isBound(), card.bin(),
                card.last4(), card.channel(), card.boundAt());
    }
}
