package com.lendflow.payment.transfer;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a recorded transfer to the channel, once: it is claimed (PENDING → SENDING) in one short
 * transaction, submitted with no transaction open, and the answer recorded in another. Whoever
 * claims it sends it; nobody else can. A submission that gets no clear answer is never sent again:
 * it becomes UNKNOWN and the query-back asks the channel what happened.
 */
public final class TransferSender<T extends ChannelTransfer> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransferSender.class);

    private final TransferOutcomes<T> outcomes;
    private final TransferKind<T> kind;
    private final PaymentChannel channel;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    public TransferSender(TransferOutcomes<T> outcomes, PaymentChannel channel, TransactionTemplate transactions,
                          Clock clock) {
        this.outcomes = outcomes;
        this.kind = outcomes.kind();
        this.channel = channel;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends in the background, after the transaction that recorded it has committed. */
    public void sendSoon(UUID transferId) {
        sending.execute(() -> {
            try {
                send(transferId);
            } catch (RuntimeException e) {
                // The query-back picks it up: a PENDING one is sent later, a SENDING one queried.
                log.error("sending {} {} failed: {}", kind.what(), transferId, e.toString(), e);
            }
        });
    }

    public void send(UUID transferId) {
        TransferOrder order = transactions.execute(status -> {
            T transfer = kind.transfers().lockById(transferId).orElse(null);
            if (transfer == null || !transfer.claimForSending(now())) {
                return null;
            }
            // The reference is the business id: what the ledger books and the partner's statement shows.
            return new TransferOrder(transfer.requestNo(), transfer.agreementNo(), transfer.amount(),
                    transfer.transferId().toString(), transfer.fundingPartnerId());
        });
        if (order == null) {
            return;
        }
        Submission submission = kind.submit(channel, order);
        transactions.executeWithoutResult(status -> record(transferId, submission));
    }

    private void record(UUID transferId, Submission submission) {
        Instant now = now();
        T transfer = kind.transfers().lockById(transferId).orElseThrow();
        String outcome = switch (submission) {
            case Submission.Accepted accepted -> "ACCEPTED";
            case Submission.Refused refused -> "REFUSED";
            case Submission.Unknown unknown -> "UNKNOWN";
            case Submission.NotSent notSent -> "NOT_SENT";
        };
        String detail = switch (submission) {
            case Submission.Accepted accepted -> transfer.requestNo() + " accepted by " + channel.name();
            case Submission.Refused refused -> refused.reason();
            case Submission.Unknown unknown -> unknown.reason();
            case Submission.NotSent notSent -> notSent.reason();
        };
        kind.record(transferId, TransferEvent.Step.SUBMISSION.name(), outcome, detail, now);
        if (transfer.state() != TransferState.SENDING) {
            // A callback (or the stuck-sending job) got there first; what it settled stands.
            log.info("submission of {} answered {} after it became {}", transfer.requestNo(), outcome, transfer.state());
            return;
        }
        TransferKind.Timing timing = kind.timing();
        switch (submission) {
            case Submission.Accepted accepted -> transfer.accepted(now, now.plus(timing.callbackWait()));
            case Submission.Unknown unknown -> {
                log.warn("submission of {} has an unknown outcome ({}); it will be queried, never resent",
                        kind.label(transfer), unknown.reason());
                transfer.outcomeUnknown(now.plus(timing.queryInterval()));
            }
            case Submission.NotSent notSent -> {
                log.warn("{} not sent: {}; trying again later", kind.label(transfer), notSent.reason());
                transfer.notSent(now.plus(timing.queryInterval()));
            }
            case Submission.Refused refused -> {
                log.info("channel refused {}: {}", kind.label(transfer), refused.reason());
                outcomes.fail(transfer, TransferOutcomes.CHANNEL_REFUSED, "channel " + channel.name() + " refused the "
                        + kind.what() + ": " + refused.reason(), now);
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        sending.shutdown();
    }
}
