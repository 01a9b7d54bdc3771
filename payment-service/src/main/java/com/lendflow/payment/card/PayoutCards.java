package com.lendflow.payment.card;

import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What disbursement and repayment collection may know of a card: whose it is, whether it is bound,
 * its agreement with the channel, and the card as anyone may be shown it (masked).
 */
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
        return cards.lockById(cardId).map(PayoutCards::of);
    }

    /**
     * The card a customer's repayments are withheld from when they name none: the one bound last,
     * locked like {@link #lockForPayout}; empty if the customer has no bound card.
     */
    public Optional<PayoutCard> lockWithholdingCard(UUID customerId) {
        return cards.findFirstByCustomerIdAndStateOrderByBoundAtDesc(customerId, CardState.BOUND)
                .flatMap(card -> cards.lockById(card.id()))
                .map(PayoutCards::of);
    }

    private static PayoutCard of(BankCard card) {
        return new PayoutCard(card.id(), card.customerId(), card.isBound(), card.state().name(), card.agreementNo(),
                card.last4(), card.masked());
    }

    public record PayoutCard(UUID id, UUID customerId, boolean bound, String state, String agreementNo, String last4,
                             String masked) {
    }
}
