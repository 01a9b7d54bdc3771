package com.lendflow.payment.repayment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the channel says of a collection, by callback or query, applied to its order once: the first
 * final word settles it and publishes the fact (RepaymentCollected, or PrepaymentCollected for a
 * payoff; the withholding paid, or its attempt failed and the next one planned); returned funds
 * reverse it once (RepaymentReversed). Any later word is recorded and changes nothing. Runs in the
 * caller's transaction, with the order locked.
 */
@Component
class CollectionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CollectionOutcomes.class);

    private final RepaymentEvents events;
    private final Withholdings withholdings;
    private final WithholdingProperties withholding;
    private final BusinessDays businessDays;
    private final Outbox outbox;

    CollectionOutcomes(RepaymentEvents events, Withholdings withholdings, WithholdingProperties withholding,
                       BusinessDays businessDays, Outbox outbox) {
        this.events = events;
        this.withholdings = withholdings;
        this.withholding = withholding;
        this.businessDays = businessDays;
        this.outbox = outbox;
    }

    /** @return true if this changed the order */
    boolean apply(RepaymentOrder order, TransferStatus status, RepaymentEvent.Kind heardBy, Instant now) {
        String detail = describe(status);
        if (status.amount() != null && status.amount().compareTo(order.amount()) != 0) {
            // Never settle on a transfer that is not the one we ordered: staff must look at it.
            log.error("channel reports {} for collection {} of loan {}, which was ordered as {}: not applied",
                    Amounts.text(status.amount()), order.requestNo(), order.loanId(), Amounts.text(order.amount()));
            events.save(RepaymentEvent.of(order.id(), heardBy, "AMOUNT_MISMATCH", detail, now));
            return false;
        }
        switch (status.outcome()) {
            case SUCCESS -> {
                if (!order.state().inFlight()) {
                    return unchanged(order, heardBy, order.state() == RepaymentState.SUCCEEDED
                            || order.state() == RepaymentState.REVERSED, status, detail, now);
                }
                succeed(order, status, heardBy, detail, now);
                return true;
            }
            case FAILED -> {
                if (!order.state().inFlight()) {
                    return unchanged(order, heardBy, order.state() == RepaymentState.FAILED, status, detail, now);
                }
                String reason = "channel " + order.channel() + " failed the collection: "
                        + (status.failureCode() == null ? "" : status.failureCode() + " ")
                        + (status.failureReason() == null ? "no reason given" : status.failureReason());
                events.save(RepaymentEvent.of(order.id(), heardBy, "FAILED", detail, now));
                failed(order, CollectionRefusal.fromChannel(status.failureCode()), reason, now);
                return true;
            }
            case RETURNED -> {
                if (order.state() == RepaymentState.REVERSED) {
                    return unchanged(order, heardBy, true, status, detail, now);
                }
                if (order.state().inFlight()) {
                    // Returned money was collected first: the ledger hears both, in order.
                    succeed(order, status, heardBy, "SUCCESS implied by RETURNED", now);
                }
                if (order.state() != RepaymentState.SUCCEEDED) {
                    return unchanged(order, heardBy, false, status, detail, now);
                }
                String reason = "channel " + order.channel() + " returned the money of " + order.requestNo() + ": "
                        + (status.failureReason() == null ? "no reason given" : status.failureReason());
                order.reversed(reason, now);
                events.save(RepaymentEvent.of(order.id(), heardBy, "RETURNED", detail, now));
                outbox.publish(Topics.PAYMENT_REPAYMENT, order.loanId().toString(), RepaymentReversed.TYPE, order.reversal());
                log.info("collection {} of {} for loan {} was returned by the channel: {}", order.requestNo(),
                        Amounts.text(order.amount()), order.loanId(), reason);
                return true;
            }
            default -> throw new IllegalArgumentException("not a final outcome: " + status.outcome());
        }
    }

    private void succeed(RepaymentOrder order, TransferStatus status, RepaymentEvent.Kind heardBy, String detail,
                         Instant now) {
        Instant completedAt = (status.completedAt() == null ? now : status.completedAt()).truncatedTo(ChronoUnit.MICROS);
        order.succeeded(status.channelTransactionId(), completedAt);
        events.save(RepaymentEvent.of(order.id(), heardBy, "SUCCESS", detail, now));
        String key = order.loanId().toString();
        if (order.isPayoff()) {
            outbox.publish(Topics.PAYMENT_REPAYMENT, key, PrepaymentCollected.TYPE, order.prepaymentCollected());
        } else {
            outbox.publish(Topics.PAYMENT_REPAYMENT, key, RepaymentCollected.TYPE, order.collected());
        }
        if (order.withholdingId() != null) {
            withholdings.lockById(order.withholdingId()).ifPresent(w -> w.paid(now));
        }
        log.info("collection {} ({}) of {} for loan {} succeeded (heard by {})", order.requestNo(), order.mode(),
                Amounts.text(order.amount()), order.loanId(), heardBy);
    }

    /** The order failed (or a withholding attempt was refused): no money moved; a withholding plans its next attempt. */
    void failed(RepaymentOrder order, String code, String reason, Instant now) {
        if (order.state().inFlight()) {
            order.failed(code, reason, now);
        }
        log.info("collection {} for loan {} failed: {} {}", order.requestNo(), order.loanId(), code, reason);
        if (order.withholdingId() == null) {
            return;
        }
        Withholding w = withholdings.lockById(order.withholdingId()).orElseThrow();
        LocalDate today = businessDays.current().orElse(order.businessDate());
        Optional<LocalDate> next = w.attemptFailed(withholding.offsets(), today, withholding.sameDayRetryDelay(),
                code + " " + reason, now);
        outbox.publish(Topics.PAYMENT_REPAYMENT, order.loanId().toString(), WithholdingFailed.TYPE,
                new WithholdingFailed(order.id().toString(), order.loanId(), order.customerId(),
                        Amounts.text(order.amount()), order.attempt(), code, reason, next.isPresent(), next.orElse(null),
                        now));
    }

    private boolean unchanged(RepaymentOrder order, RepaymentEvent.Kind heardBy, boolean agrees, TransferStatus status,
                              String detail, Instant now) {
        if (!agrees) {
            log.error("channel now reports {} for collection {} of loan {}, already {}: not applied", status.outcome(),
                    order.requestNo(), order.loanId(), order.state());
        }
        events.save(RepaymentEvent.of(order.id(), heardBy, agrees ? "DUPLICATE" : "CONTRADICTS_" + order.state(),
                detail, now));
        return false;
    }

    static String describe(TransferStatus status) {
        StringBuilder text = new StringBuilder(status.outcome().name());
        if (status.channelTransactionId() != null) {
            text.append(" txn ").append(status.channelTransactionId());
        }
        if (status.amount() != null) {
            text.append(" amount ").append(status.amount().toPlainString());
        }
        if (status.failureCode() != null) {
            text.append(" ").append(status.failureCode());
        }
        if (status.failureReason() != null) {
            text.append(": ").append(status.failureReason());
        }
        return text.toString();
    }
}
