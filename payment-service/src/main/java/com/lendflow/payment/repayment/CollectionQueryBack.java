package com.lendflow.payment.repayment;

import com.lendflow.payment.channel.ChannelUnavailable;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.TransferStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds out what happened to collections the channel has not told us about (late callback, unknown
 * outcome, sender lost mid-call), by query with backoff, never by sending again; sends recorded
 * ones that were never handed over. The same rules as disbursements' query-back.
 */
@Component
class CollectionQueryBack {

    private static final Logger log = LoggerFactory.getLogger(CollectionQueryBack.class);
    private static final Limit BATCH = Limit.of(50);

    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final CollectionSender sender;
    private final CollectionOutcomes outcomes;
    private final PaymentChannel channel;
    private final RepaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CollectionQueryBack(RepaymentOrders orders, RepaymentEvents events, CollectionSender sender,
                        CollectionOutcomes outcomes, PaymentChannel channel, RepaymentProperties properties,
                        TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.sender = sender;
        this.outcomes = outcomes;
        this.channel = channel;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lendflow.payment.repayment.poll-interval:2s}",
            initialDelayString = "${lendflow.payment.repayment.poll-interval:2s}")
    void run() {
        Instant now = now();
        for (UUID stuck : orders.stuckSending(now.minus(properties.stuckAfter()), BATCH)) {
            transactions.executeWithoutResult(status -> orders.lockById(stuck)
                    .filter(o -> o.state() == RepaymentState.SENDING)
                    .ifPresent(o -> {
                        log.warn("collection {} has been sending since {}: its sender was lost; querying it",
                                o.requestNo(), o.sendingSince());
                        o.outcomeUnknown(now);
                        events.save(RepaymentEvent.of(o.id(), RepaymentEvent.Kind.SUBMISSION, "LOST",
                                "no answer recorded since " + o.sendingSince() + "; outcome unknown", now));
                    }));
        }
        for (UUID due : orders.due(now, BATCH)) {
            try {
                RepaymentOrder order = orders.findById(due).orElseThrow();
                switch (order.state()) {
                    case PENDING -> sender.send(due);
                    case SUBMITTED, UNKNOWN -> query(due, order.requestNo());
                    default -> { }
                }
            } catch (RuntimeException e) {
                log.error("following up repayment order {} failed: {}", due, e.toString(), e);
            }
        }
    }

    private void query(UUID orderId, String requestNo) {
        TransferStatus status;
        try {
            status = channel.query(requestNo);
        } catch (ChannelUnavailable unavailable) {
            transactions.executeWithoutResult(tx -> orders.lockById(orderId).filter(o -> o.state().inFlight())
                    .ifPresent(o -> {
                        Instant now = now();
                        events.save(RepaymentEvent.of(orderId, RepaymentEvent.Kind.QUERY, "UNAVAILABLE",
                                unavailable.getMessage(), now));
                        o.queryAgainAt(now.plus(backoff(o.queries())));
                    }));
            return;
        }
        transactions.executeWithoutResult(tx -> {
            RepaymentOrder o = orders.lockById(orderId).orElseThrow();
            Instant now = now();
            switch (status.outcome()) {
                case SUCCESS, FAILED, RETURNED -> outcomes.apply(o, status, RepaymentEvent.Kind.QUERY, now);
                case PROCESSING -> {
                    if (o.state().inFlight()) {
                        events.save(RepaymentEvent.of(orderId, RepaymentEvent.Kind.QUERY, "PROCESSING",
                                CollectionOutcomes.describe(status), now));
                        o.queryAgainAt(now.plus(backoff(o.queries())));
                    }
                }
                case NOT_FOUND -> notFound(o, now);
            }
        });
    }

    private void notFound(RepaymentOrder o, Instant now) {
        if (!o.state().inFlight()) {
            return;
        }
        Instant since = o.sendingSince() != null ? o.sendingSince() : o.createdAt();
        if (since.plus(properties.notFoundAfter()).isBefore(now)) {
            String reason = "channel " + o.channel() + " has no record of " + o.requestNo() + " "
                    + Duration.between(since, now).toMinutes() + " minutes after it was sent: it never arrived";
            events.save(RepaymentEvent.of(o.id(), RepaymentEvent.Kind.QUERY, "NOT_FOUND_FINAL", reason, now));
            outcomes.failed(o, CollectionRefusal.CHANNEL_NO_RECORD, reason, now);
            return;
        }
        events.save(RepaymentEvent.of(o.id(), RepaymentEvent.Kind.QUERY, "NOT_FOUND",
                "the channel has no record of " + o.requestNo() + " yet", now));
        o.queryAgainAt(now.plus(backoff(o.queries())));
    }

    private Duration backoff(int queriesSoFar) {
        Duration next = properties.queryInterval().multipliedBy(1L << Math.min(queriesSoFar, 16));
        return next.compareTo(properties.maxQueryInterval()) > 0 ? properties.maxQueryInterval() : next;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
