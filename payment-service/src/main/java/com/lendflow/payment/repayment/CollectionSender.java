package com.lendflow.payment.repayment;

import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Submission;
import com.lendflow.payment.channel.PaymentChannel.TransferOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a recorded collection to the channel, once, exactly as disbursements are handed: claimed
 * (PENDING → SENDING) in one short transaction, submitted with no transaction open, the answer
 * recorded in another. A submission without a clear answer is never sent again: it is UNKNOWN and
 * queried.
 */
@Component
class CollectionSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CollectionSender.class);

    private final RepaymentOrders orders;
    private final RepaymentEvents events;
    private final PaymentChannel channel;
    private final RepaymentProperties properties;
    private final CollectionOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    CollectionSender(RepaymentOrders orders, RepaymentEvents events, PaymentChannel channel,
                     RepaymentProperties properties, CollectionOutcomes outcomes, TransactionTemplate transactions,
                     Clock clock) {
        this.orders = orders;
        this.events = events;
        this.channel = channel;
        this.properties = properties;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
    }

    void sendSoon(UUID orderId) {
        sending.execute(() -> {
            try {
                send(orderId);
            } catch (RuntimeException e) {
                // The query-back job picks it up: a PENDING one is sent later, a SENDING one queried.
                log.error("sending repayment order {} failed: {}", orderId, e.toString(), e);
            }
        });
    }

    void send(UUID orderId) {
        TransferOrder transfer = transactions.execute(status -> {
            RepaymentOrder order = orders.lockById(orderId).orElse(null);
            if (order == null || !order.claimForSending(now())) {
                return null;
            }
            // The reference is the repayment order id: the business id core-ledger books and the partner's statement shows.
            return new TransferOrder(order.requestNo(), order.agreementNo(), order.amount(), order.id().toString(),
                    order.fundingPartnerId());
        });
        if (transfer == null) {
            return;
        }
        Submission submission = channel.collect(transfer);
        transactions.executeWithoutResult(status -> record(orderId, submission));
    }

    private void record(UUID orderId, Submission submission) {
        Instant now = now();
        RepaymentOrder order = orders.lockById(orderId).orElseThrow();
        String outcome = switch (submission) {
            case Submission.Accepted accepted -> "ACCEPTED";
            case Submission.Refused refused -> "REFUSED";
            case Submission.Unknown unknown -> "UNKNOWN";
            case Submission.NotSent notSent -> "NOT_SENT";
        };
        String detail = switch (submission) {
            case Submission.Accepted accepted -> order.requestNo() + " accepted by " + channel.name();
            case Submission.Refused refused -> refused.reason();
            case Submission.Unknown unknown -> unknown.reason();
            case Submission.NotSent notSent -> notSent.reason();
        };
        events.save(RepaymentEvent.of(orderId, RepaymentEvent.Kind.SUBMISSION, outcome, detail, now));
        if (order.state() != RepaymentState.SENDING) {
            // A callback (or the stuck-sending job) got there first; what it settled stands.
            return;
        }
        switch (submission) {
            case Submission.Accepted accepted -> order.accepted(now, now.plus(properties.callbackWait()));
            case Submission.Unknown unknown -> {
                log.warn("collection {} for loan {} has an unknown outcome ({}); it will be queried, never resent",
                        order.requestNo(), order.loanId(), unknown.reason());
                order.outcomeUnknown(now.plus(properties.queryInterval()));
            }
            case Submission.NotSent notSent -> order.notSent(now.plus(properties.queryInterval()));
            case Submission.Refused refused -> outcomes.failed(order, CollectionRefusal.CHANNEL_REFUSED,
                    "channel " + channel.name() + " refused the collection: " + refused.reason(), now);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void destroy() {
        sending.shutdown();
    }
}
