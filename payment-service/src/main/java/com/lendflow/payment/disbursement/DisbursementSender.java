package com.lendflow.payment.disbursement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.payment.channel.PaymentChannel;
import com.lendflow.payment.channel.PaymentChannel.Submission;
import com.lendflow.payment.channel.PaymentChannel.TransferOrder;
import com.lendflow.platform.messaging.Outbox;
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
 * Hands a recorded disbursement to the channel, once: it is claimed (PENDING → SENDING) in one
 * short transaction, submitted with no transaction open, and the answer recorded in another.
 * Whoever claims it sends it; nobody else can. A submission that gets no clear answer is never
 * sent again: it becomes UNKNOWN and the query-back job asks the channel what happened.
 */
@Component
class DisbursementSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DisbursementSender.class);

    private final Disbursements disbursements;
    private final DisbursementEvents events;
    private final PaymentChannel channel;
    private final DisbursementProperties properties;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    DisbursementSender(Disbursements disbursements, DisbursementEvents events, PaymentChannel channel,
                       DisbursementProperties properties, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.disbursements = disbursements;
        this.events = events;
        this.channel = channel;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends in the background, after the command that recorded it has committed. */
    void sendSoon(UUID drawdownId) {
        sending.execute(() -> {
            try {
                send(drawdownId);
            } catch (RuntimeException e) {
                // The query-back job picks it up: a PENDING one is sent later, a SENDING one queried.
                log.error("sending disbursement for drawdown {} failed: {}", drawdownId, e.toString(), e);
            }
        });
    }

    void send(UUID drawdownId) {
        TransferOrder order = transactions.execute(status -> {
            Disbursement disbursement = disbursements.lockById(drawdownId).orElse(null);
            if (disbursement == null || !disbursement.claimForSending(now())) {
                return null;
            }
            return new TransferOrder(disbursement.requestNo(), disbursement.agreementNo(), disbursement.amount(),
                    disbursement.drawdownId().toString(), disbursement.fundingPartnerId());
        });
        if (order == null) {
            return;
        }
        Submission submission = channel.submit(order);
        transactions.executeWithoutResult(status -> record(drawdownId, submission));
    }

    private void record(UUID drawdownId, Submission submission) {
        Instant now = now();
        Disbursement disbursement = disbursements.lockById(drawdownId).orElseThrow();
        String outcome = switch (submission) {
            case Submission.Accepted accepted -> "ACCEPTED";
            case Submission.Refused refused -> "REFUSED";
            case Submission.Unknown unknown -> "UNKNOWN";
            case Submission.NotSent notSent -> "NOT_SENT";
        };
        String detail = switch (submission) {
            case Submission.Accepted accepted -> disbursement.requestNo() + " accepted by " + channel.name();
            case Submission.Refused refused -> refused.reason();
            case Submission.Unknown unknown -> unknown.reason();
            case Submission.NotSent notSent -> notSent.reason();
        };
        events.save(DisbursementEvent.of(drawdownId, DisbursementEvent.Kind.SUBMISSION, outcome, detail, now));
        if (disbursement.state() != DisbursementState.SENDING) {
            // A callback (or the stuck-sending job) got there first; what it settled stands.
            log.info("submission of {} answered {} after it became {}", disbursement.requestNo(), outcome,
                    disbursement.state());
            return;
        }
        switch (submission) {
            case Submission.Accepted accepted -> disbursement.accepted(now, now.plus(properties.callbackWait()));
            case Submission.Unknown unknown -> {
                log.warn("submission of {} for drawdown {} has an unknown outcome ({}); it will be queried, never resent",
                        disbursement.requestNo(), drawdownId, unknown.reason());
                disbursement.outcomeUnknown(now.plus(properties.queryInterval()));
            }
            case Submission.NotSent notSent -> {
                log.warn("disbursement {} not sent: {}; trying again later", disbursement.requestNo(), notSent.reason());
                disbursement.notSent(now.plus(properties.queryInterval()));
            }
            case Submission.Refused refused -> {
                disbursement.failed(Disbursement.CHANNEL_REFUSED, "channel " + channel.name()
                        + " refused the transfer: " + refused.reason(), now);
                outbox.publish(Topics.PAYMENT_DISBURSEMENT, drawdownId.toString(), DisbursementFailed.TYPE,
                        disbursement.failedReply());
                log.info("channel refused disbursement {} for drawdown {}: {}", disbursement.requestNo(), drawdownId,
                        refused.reason());
            }
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
