package com.lendflow.payment.disbursement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.Disburse;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.payment.card.PayoutCards;
import com.lendflow.payment.card.PayoutCards.PayoutCard;
import com.lendflow.payment.channel.ChannelProperties;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes a drawdown's Disburse command: once per drawdown, whatever the message id. A first
 * command is checked (the card bound and the customer's, the card's daily limit, the channel's
 * limits) and either refused at once, before any money moves, or recorded under a new request
 * number and handed to the sender after the commit. A re-sent command is answered with the
 * recorded outcome, or with nothing new while the payout is still in flight.
 */
@Component
class DisburseHandler {

    private static final Logger log = LoggerFactory.getLogger(DisburseHandler.class);

    private final Disbursements disbursements;
    private final DisbursementEvents events;
    private final PayoutCards cards;
    private final ChannelProperties channel;
    private final DisbursementProperties properties;
    private final DisbursementTransfers sender;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    DisburseHandler(Disbursements disbursements, DisbursementEvents events, PayoutCards cards, ChannelProperties channel,
                    DisbursementProperties properties, DisbursementTransfers sender, Outbox outbox, JdbcClient jdbc,
                    Clock clock) {
        this.disbursements = disbursements;
        this.events = events;
        this.cards = cards;
        this.channel = channel;
        this.properties = properties;
        this.sender = sender;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs in the inbox's transaction. */
    void handle(Disburse command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Disbursement> earlier = disbursements.lockById(command.drawdownId());
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), now);
            return;
        }
        LocalDate businessDate = LocalDate.ofInstant(now, properties.zone());
        String requestNo = requestNoOf(command.drawdownId());
        Optional<BigDecimal> amount = exactAmount(command.amount());
        PayoutOrder order = new PayoutOrder(command.drawdownId(), command.customerId(), command.cardId(),
                amount.orElse(BigDecimal.ZERO.setScale(2)), command.fundingPartnerId());
        if (amount.isEmpty()) {
            refuse(order, requestNo, businessDate, new PayoutRefusal(PayoutRefusal.INVALID_AMOUNT,
                    "the amount must be positive with at most two decimals"), now);
            return;
        }
        Optional<PayoutCard> card = cards.lockForPayout(command.cardId());
        Optional<PayoutRefusal> refusal = check(order, card, businessDate);
        if (refusal.isPresent()) {
            refuse(order, requestNo, businessDate, refusal.get(), now);
            return;
        }
        Disbursement disbursement = disbursements.save(Disbursement.pending(order, requestNo, channel.name(),
                card.get().agreementNo(), businessDate, now, now.plus(properties.sendGrace())));
        events.save(DisbursementEvent.of(order.drawdownId(), DisbursementEvent.Kind.COMMAND, "RECORDED",
                "to card ending " + card.get().last4() + " through " + channel.name() + " as " + requestNo, now));
        log.info("disbursement of {} for drawdown {} recorded as {} to card ending {}", Amounts.text(order.amount()),
                order.drawdownId(), requestNo, card.get().last4());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.sendSoon(disbursement.drawdownId());
            }
        });
    }

    private Optional<PayoutRefusal> check(PayoutOrder order, Optional<PayoutCard> card, LocalDate businessDate) {
        if (card.isEmpty()) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CARD_NOT_BOUND, "card " + order.cardId() + " does not exist"));
        }
        if (!card.get().customerId().equals(order.customerId())) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CARD_NOT_BOUND,
                    "card " + order.cardId() + " is not bound to customer " + order.customerId()));
        }
        if (!card.get().bound()) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CARD_NOT_BOUND,
                    "card " + order.cardId() + " is " + card.get().state() + ", not BOUND"));
        }
        BigDecimal toCard = disbursements.committedByCard(order.cardId(), businessDate);
        if (toCard.add(order.amount()).compareTo(properties.cardDailyLimit()) > 0) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CARD_DAILY_LIMIT, "card ending " + card.get().last4()
                    + " has received " + Amounts.text(toCard) + " on " + businessDate + "; "
                    + Amounts.text(order.amount()) + " more would pass its daily limit of "
                    + Amounts.text(properties.cardDailyLimit())));
        }
        if (order.amount().compareTo(channel.singleLimit()) > 0) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CHANNEL_LIMIT, Amounts.text(order.amount())
                    + " is above channel " + channel.name() + "'s single-transfer limit of "
                    + Amounts.text(channel.singleLimit())));
        }
        // One payout at a time per channel while its day's total is counted, so two cannot both squeeze under it.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked")
                .param("key", "channel-limit:" + channel.name()).query((row, n) -> 1).list();
        BigDecimal toChannel = disbursements.committedToChannel(channel.name(), businessDate);
        if (toChannel.add(order.amount()).compareTo(channel.dailyLimit()) > 0) {
            return Optional.of(new PayoutRefusal(PayoutRefusal.CHANNEL_LIMIT, "channel " + channel.name() + " has carried "
                    + Amounts.text(toChannel) + " on " + businessDate + "; " + Amounts.text(order.amount())
                    + " more would pass its daily limit of " + Amounts.text(channel.dailyLimit())));
        }
        return Optional.empty();
    }

    private void refuse(PayoutOrder order, String requestNo, LocalDate businessDate, PayoutRefusal refusal, Instant now) {
        Disbursement refused = disbursements.save(Disbursement.refused(order, requestNo, channel.name(), businessDate,
                refusal, now));
        events.save(DisbursementEvent.of(order.drawdownId(), DisbursementEvent.Kind.REFUSAL, refusal.code(),
                refusal.reason(), now));
        log.info("disbursement for drawdown {} refused before sending: {} {}", order.drawdownId(), refusal.code(),
                refusal.reason());
        outbox.publish(Topics.PAYMENT_DISBURSEMENT, order.drawdownId().toString(), DisbursementFailed.TYPE,
                refused.failedReply());
    }

    private void answerAgain(Disbursement disbursement, Instant now) {
        events.save(DisbursementEvent.of(disbursement.drawdownId(), DisbursementEvent.Kind.COMMAND, "RESENT",
                "answered from the record: " + disbursement.state(), now));
        String key = disbursement.drawdownId().toString();
        switch (disbursement.state()) {
            case SUCCEEDED -> outbox.publish(Topics.PAYMENT_DISBURSEMENT, key, DisbursementSucceeded.TYPE,
                    disbursement.succeededReply());
            case REFUSED, FAILED -> outbox.publish(Topics.PAYMENT_DISBURSEMENT, key, DisbursementFailed.TYPE,
                    disbursement.failedReply());
            default -> log.info("Disburse for drawdown {} re-sent while {} is {}; its outcome will follow",
                    disbursement.drawdownId(), disbursement.requestNo(), disbursement.state());
        }
    }

    /**
     * The channel's idempotency key for the payout, derived from the drawdown alone. A number drawn
     * from a sequence would differ when the same drawdown is recorded a second time, which happens
     * after the database is restored from a backup taken before the payout: the channel would then
     * pay the drawdown twice. Under this number it answers the first transfer instead.
     */
    static String requestNoOf(UUID drawdownId) {
        return "LFD" + drawdownId.toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    static Optional<BigDecimal> exactAmount(String text) {
        if (text == null || !text.strip().matches("^[0-9]{1,15}(\\.[0-9]{1,2})?$")) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(text.strip()).setScale(2);
        return amount.signum() > 0 ? Optional.of(amount) : Optional.empty();
    }
}
