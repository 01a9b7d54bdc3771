package com.lendflow.payment.repayment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Submission;
import com.lendflow.payment.channel.PaymentChannel.TransferOrder;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.payment.transfer.TransferKind;
import com.lendflow.payment.transfer.TransferOutcomes;
import com.lendflow.payment.transfer.TransferQueryBack;
import com.lendflow.payment.transfer.TransferSender;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repayment orders as channel transfers: collected from the card, settled by SUCCESS or FAILED and
 * reversed once by RETURNED. A collection publishes RepaymentCollected (PrepaymentCollected for a
 * payoff) and pays its withholding; a failed one fails its withholding attempt and plans the next
 * (WithholdingFailed); returned money publishes RepaymentReversed. Sending, query-back and outcomes
 * are the transfer core's.
 */
@Component
class RepaymentTransfers implements TransferKind<RepaymentOrder>, DisposableBean {

    /** The failure code a withholding's returned collection is published with. */
    static final String RETURNED = "RETURNED";
    private static final Logger log = LoggerFactory.getLogger(RepaymentTransfers.class);

    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final RepaymentProperties properties;
    private final Withholdings withholdings;
    private final WithholdingProperties withholding;
    private final BusinessDays businessDays;
    private final Outbox outbox;
    private final TransferOutcomes<RepaymentOrder> outcomes;
    private final TransferSender<RepaymentOrder> sender;
    private final TransferQueryBack<RepaymentOrder> queryBack;

    RepaymentTransfers(RepaymentOrders orders, RepaymentEvents events, RepaymentProperties properties,
                       Withholdings withholdings, WithholdingProperties withholding, BusinessDays businessDays,
                       Outbox outbox, PaymentChannel channel, TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.properties = properties;
        this.withholdings = withholdings;
        this.withholding = withholding;
        this.businessDays = businessDays;
        this.outbox = outbox;
        this.outcomes = new TransferOutcomes<>(this);
        this.sender = new TransferSender<>(outcomes, channel, transactions, clock);
        this.queryBack = new TransferQueryBack<>(outcomes, sender, channel, transactions, clock);
    }

    /** Sends in the background, after the transaction that recorded it has committed. */
    void sendSoon(UUID orderId) {
        sender.sendSoon(orderId);
    }

    /** The order failed (or a withholding attempt was refused): no money moved; a withholding plans its next attempt. */
    void fail(RepaymentOrder order, String code, String reason, Instant now) {
        outcomes.fail(order, code, reason, now);
    }

    TransferOutcomes<RepaymentOrder> outcomes() {
        return outcomes;
    }

    @Scheduled(fixedDelayString = "${lendflow.payment.repayment.poll-interval:2s}",
            initialDelayString = "${lendflow.payment.repayment.poll-interval:2s}")
    void followUp() {
        queryBack.run();
    }

    @Override
    public String what() {
        return "collection";
    }

    @Override
    public String label(RepaymentOrder order) {
        return "collection " + order.requestNo() + " of loan " + order.loanId();
    }

    @Override
    public RepaymentOrders transfers() {
        return orders;
    }

    @Override
    public Timing timing() {
        return new Timing(properties.callbackWait(), properties.queryInterval(), properties.maxQueryInterval(),
                properties.stuckAfter(), properties.notFoundAfter());
    }

    @Override
    public void record(UUID orderId, String kind, String outcome, String detail, Instant now) {
        events.save(RepaymentEvent.of(orderId, kind, outcome, detail, now));
    }

    @Override
    public Submission submit(PaymentChannel channel, TransferOrder order) {
        return channel.collect(order);
    }

    @Override
    public Set<TransferStatus.Outcome> finalOutcomes() {
        return Set.of(TransferStatus.Outcome.SUCCESS, TransferStatus.Outcome.FAILED, TransferStatus.Outcome.RETURNED);
    }

    @Override
    public String failureCode(String channelCode) {
        return CollectionRefusal.fromChannel(channelCode);
    }

    @Override
    public void succeeded(RepaymentOrder order, Instant now) {
        String key = order.loanId().toString();
        if (order.isPayoff()) {
            outbox.publish(Topics.PAYMENT_REPAYMENT, key, PrepaymentCollected.TYPE, order.prepaymentCollected());
        } else {
            outbox.publish(Topics.PAYMENT_REPAYMENT, key, RepaymentCollected.TYPE, order.collected());
        }
        if (order.withholdingId() != null) {
            withholdings.lockById(order.withholdingId()).ifPresent(w -> w.paid(now));
        }
        log.info("collection {} ({}) of {} for loan {} succeeded", order.requestNo(), order.mode(),
                Amounts.text(order.amount()), order.loanId());
    }

    @Override
    public void failed(RepaymentOrder order, String code, String reason, Instant now) {
        log.info("collection {} for loan {} failed: {} {}", order.requestNo(), order.loanId(), code, reason);
        if (order.withholdingId() == null) {
            return;
        }
        Withholding w = withholdings.lockById(order.withholdingId()).orElseThrow();
        LocalDate today = businessDays.current().orElse(order.businessDate());
        Optional<LocalDate> next = w.attemptFailed(withholding.offsets(), today, withholding.sameDayRetryDelay(),
                code + " " + reason, now);
        withholdingFailed(order, code, reason, next, now);
    }

    /**
     * The channel took the money back: the repayment is reversed (core-ledger unapplies it), and a
     * withholding it paid goes on with its plan, since the installment is owed again (it stayed PAID
     * before, and nothing collected the installment until collection-service's agents did).
     */
    @Override
    public void returned(RepaymentOrder order, String reason, Instant now) {
        order.reversed(reason, now);
        outbox.publish(Topics.PAYMENT_REPAYMENT, order.loanId().toString(), RepaymentReversed.TYPE, order.reversal());
        log.info("collection {} of {} for loan {} was returned by the channel: {}", order.requestNo(),
                Amounts.text(order.amount()), order.loanId(), reason);
        if (order.withholdingId() == null) {
            return;
        }
        Withholding w = withholdings.lockById(order.withholdingId()).orElseThrow();
        if (w.state() != WithholdingState.PAID) {
            return;
        }
        LocalDate today = businessDays.current().orElse(order.businessDate());
        Optional<LocalDate> next = w.paidAttemptReturned(order.id(), withholding.offsets(), today,
                withholding.sameDayRetryDelay(), reason, now);
        if (w.state() != WithholdingState.PAID) {
            withholdingFailed(order, RETURNED, reason, next, now);
        }
    }

    private void withholdingFailed(RepaymentOrder order, String code, String reason, Optional<LocalDate> next,
                                   Instant now) {
        outbox.publish(Topics.PAYMENT_REPAYMENT, order.loanId().toString(), WithholdingFailed.TYPE,
                new WithholdingFailed(order.id().toString(), order.loanId(), order.customerId(),
                        Amounts.text(order.amount()), order.attempt(), code, reason, next.isPresent(), next.orElse(null),
                        now));
    }

    @Override
    public void destroy() {
        sender.close();
    }
}
