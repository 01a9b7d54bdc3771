package com.lendflow.payment.card;

import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** What disbursement may know of a card: whose it is, whether it is bound, and its agreement with the channel. */
@Component
@EnableConfigurationProperties(CardProperties.class)
public class PayoutCards {

    private final BankCards cards;

    PayoutCards(BankCards cards) {
        this.cards = cards;
    }

    /**
     * The card, locked until the caller's transaction ends, so that payouts to one card are
     * counted against its daily limit one at a time.
     */
    public Optional<PayoutCard> lockForPayout(UUID cardId) {
        return cards.lockById(cardId).map(card -> new PayoutCard(card.id(), card.customerId(), card.isBound(),
                card.state().name(), card.agreementNo(), card.last4()));
    }

    public record PayoutCard(UUID id, UUID customerId, boolean bound, String state, String agreementNo, String last4) {
    }
}
