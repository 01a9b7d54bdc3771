package com.lendflow.payment.repayment;

import com.lendflow.payment.card.PayoutCards;
import com.lendflow.payment.card.PayoutCards.PayoutCard;
import com.lendflow.payment.channel.ChannelProperties;
import com.lendflow.payment.repayment.RepaymentOrder.Collection;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a collection is checked and recorded, in the caller's transaction: the card (named, or the
 * customer's withholding card: bound, the customer's), the card's daily collection limit, the
 * channel's single-transfer limit and its day's collection limit. A recorded order is handed to the
 * sender after the commit.
 */
@Component
@EnableConfigurationProperties({RepaymentProperties.class, WithholdingProperties.class})
class CollectionDesk {


    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final PayoutCards cards;
    private final ChannelProperties channel;
    private final RepaymentProperties properties;
    private final RepaymentTransfers sender;
    private final JdbcClient jdbc;
    private final Clock clock;

    CollectionDesk(RepaymentOrders orders, RepaymentEvents events, PayoutCards cards, ChannelProperties channel,
                   RepaymentProperties properties, RepaymentTransfers sender, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.cards = cards;
        this.channel = channel;
        this.properties = properties;
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A card that may be collected from, or why not. */
    sealed interface Checked {
        record Card(PayoutCard card) implements Checked {
        }

        record Refused(CollectionRefusal refusal) implements Checked {
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), properties.zone());
    }

    /**
     * Holds the loan until the transaction ends, so that of two collections asked for one loan at
     * once (the customer's and a withholding attempt, or two of the customer's) the second sees the first.
     */
    void lockLoan(UUID loanId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
                .param("key", "repayment-loan:" + loanId).query((row, n) -> 1).list();
    }

    /** Locks the card until the transaction ends, so collections from one card are counted one at a time. */
    Checked check(UUID customerId, UUID cardId, BigDecimal amount, LocalDate date) {
        var card = cardId == null ? cards.lockWithholdingCard(customerId) : cards.lockForPayout(cardId);
        if (card.isEmpty() || !card.get().customerId().equals(customerId)) {
            return refused(CollectionRefusal.NO_CARD, cardId == null
                    ? "the customer has no bound card to collect from"
                    : "card " + cardId + " is not one of the customer's cards");
        }
        PayoutCard found = card.get();
        if (!found.bound()) {
            return refused(CollectionRefusal.NO_CARD, "card ending " + found.last4() + " is " + found.state()
                    + ", not BOUND: it has no withholding agreement");
        }
        BigDecimal fromCard = orders.committedByCard(found.id(), date);
        if (fromCard.add(amount).compareTo(properties.cardDailyLimit()) > 0) {
            return refused(CollectionRefusal.CARD_LIMIT, "card ending " + found.last4() + " has had "
                    + Amounts.text(fromCard) + " collected on " + date + "; " + Amounts.text(amount)
                    + " more would pass its daily collection limit of " + Amounts.text(properties.cardDailyLimit()));
        }
        if (amount.compareTo(channel.singleLimit()) > 0) {
            return refused(CollectionRefusal.CHANNEL_REFUSED, Amounts.text(amount) + " is above channel "
                    + channel.name() + "'s single-transfer limit of " + Amounts.text(channel.singleLimit()));
        }
        // One collection at a time per channel while its day's total is counted, so two cannot both squeeze under it.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
                .param("key", "channel-collection-limit:" + channel.name()).query((row, n) -> 1).list();
        BigDecimal toChannel = orders.committedToChannel(channel.name(), date);
        if (toChannel.add(amount).compareTo(channel.collectionDailyLimit()) > 0) {
            return refused(CollectionRefusal.CHANNEL_REFUSED, "channel " + channel.name() + " has collected "
                    + Amounts.text(toChannel) + " on " + date + "; " + Amounts.text(amount)
                    + " more would pass its daily collection limit of " + Amounts.text(channel.collectionDailyLimit()));
        }
        return new Checked.Card(found);
    }

    RepaymentOrder recordPending(Collection collection, PayoutCard card, LocalDate date) {
        Instant now = now();
        RepaymentOrder order = orders.save(RepaymentOrder.pending(collection, card, channel.name(),
                date, now));
        events.save(RepaymentEvent.of(order.id(), RepaymentEvent.Kind.REQUEST, "RECORDED", collection.mode() + " "
                + Amounts.text(collection.amount()) + " from card " + card.masked() + " as " + order.requestNo(), now));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.sendSoon(order.id());
            }
        });
        return order;
    }

    RepaymentOrder recordRefused(Collection collection, CollectionRefusal refusal, LocalDate date) {
        Instant now = now();
        RepaymentOrder order = orders.save(RepaymentOrder.refused(collection, channel.name(), date,
                refusal, now));
        events.save(RepaymentEvent.of(order.id(), RepaymentEvent.Kind.REFUSAL, refusal.code(), refusal.reason(), now));
        return order;
    }

    private static Checked refused(String code, String reason) {
        return new Checked.Refused(new CollectionRefusal(code, reason));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
