package com.lendflow.payment.card;

import com.lendflow.platform.web.privacy.Mask;
import java.time.Instant;
import java.util.UUID;

/** A card as its owner and the app see it: number, name and mobile masked. */
public record BankCardView(UUID id, UUID customerId, String state, String cardNumber, String bin, String last4,
                           String holderName, String reservedMobile, String channel, Instant createdAt,
                           Instant boundAt) {

    static BankCardView of(BankCard card) {
        return new BankCardView(card.id(), card.customerId(), card.state().name(), card.masked(), card.bin(),
                card.last4(), Mask.name(card.holderName()), Mask.mobile(card.reservedMobile()), card.channel(),
                card.createdAt(), card.boundAt());
    }
}
