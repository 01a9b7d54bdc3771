package com.lendflow.payment.transfer;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds out what happened to transfers whose outcome the channel has not told us: submitted ones
 * whose callback is late, unknown ones (timeout, 5xx), and ones whose sender died mid-call. Each is
 * queried by request number, with backoff, until the channel gives a final word; none is ever sent
 * again. Recorded ones that were never handed over (the process died after the commit) are sent from
 * here. Queries run with no transaction open; several instances may query the same transfer, which
 * is harmless: the first final answer settles it under a row lock. Its kind schedules {@link #run()}.
 */
public final class TransferQueryBack<T extends ChannelTransfer> {

    private static final Logger log = LoggerFactory.getLogger(TransferQueryBack.class);
    private static final Limit BATCH = Limit.of(50);

    private final TransferOutcomes<T> outcomes;
    private final TransferKind<T> kind;
    private final TransferSender<T> sender;
    private final PaymentChannel channel;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public TransferQueryBack(TransferOutcomes<T> outcomes, TransferSender<T> sender, PaymentChannel channel,
                             TransactionTemplate transactions, Clock clock) {
        this.outcomes = outcomes;
        this.kind = outcomes.kind();
        this.sender = sender;
        this.channel = channel;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void run() {
        Instant now = now();
        ChannelTransfers<T> transfers = kind.transfers();
        for (UUID stuck : transfers.stuckSending(now.minus(kind.timing().stuckAfter()), BATCH)) {
            transactions.executeWithoutResult(status -> transfers.lockById(stuck)
                    .filter(t -> t.state() == TransferState.SENDING)
                    .ifPresent(t -> {
                        log.warn("{} has been sending since {}: its sender was lost; querying it", kind.label(t),
                                t.sendingSince());
                        t.outcomeUnknown(now);
                        record(t, TransferEvent.Step.SUBMISSION, "LOST",
                                "no answer recorded since " + t.sendingSince() + "; outcome unknown", now);
                    }));
        }
        for (UUID due : transfers.due(now, BATCH)) {
            try {
                T transfer = transfers.findById(due).orElseThrow();
                switch (transfer.state()) {
                    case PENDING -> sender.send(due);
                    case SUBMITTED, UNKNOWN -> query(due, transfer.requestNo());
                    default -> { }
                }
            } catch (RuntimeException e) {
                log.error("following up {} {} failed: {}", kind.what(), due, e.toString(), e);
            }
        }
    }

    private void query(UUID transferId, String requestNo) {
        TransferStatus status;
        try {
            status = channel.query(requestNo);
        } catch (ChannelUnavailable unavailable) {
            transactions.executeWithoutResult(tx -> kind.transfers().lockById(transferId)
                    .filter(t -> t.state().inFlight())
                    .ifPresent(t -> {
                        Instant now = now();
                        record(t, TransferEvent.Step.QUERY, "UNAVAILABLE", unavailable.getMessage(), now);
                        t.queryAgainAt(now.plus(backoff(t.queries())));
                    }));
            return;
        }
        transactions.executeWithoutResult(tx -> {
            T t = kind.transfers().lockById(transferId).orElseThrow();
            Instant now = now();
            switch (status.outcome()) {
                case PROCESSING -> {
                    if (t.state().inFlight()) {
                        record(t, TransferEvent.Step.QUERY, "PROCESSING", TransferOutcomes.describe(status), now);
                        t.queryAgainAt(now.plus(backoff(t.queries())));
                    }
                }
                case NOT_FOUND -> notFound(t, now);
                default -> {
                    if (kind.finalOutcomes().contains(status.outcome())) {
                        outcomes.apply(t, status, TransferEvent.Step.QUERY, now);
                    }
                }
            }
        });
    }

    private void notFound(T t, Instant now) {
        if (!t.state().inFlight()) {
            return;
        }
        Instant since = t.sendingSince() != null ? t.sendingSince() : t.createdAt();
        if (since.plus(kind.timing().notFoundAfter()).isBefore(now)) {
            String reason = "channel " + t.channel() + " has no record of " + t.requestNo() + " "
                    + Duration.between(since, now).toMinutes() + " minutes after it was sent: it never arrived";
            record(t, TransferEvent.Step.QUERY, "NOT_FOUND_FINAL", reason, now);
            if (kind.noRecordIsChannelFailure()) {
                outcomes.apply(t, new TransferStatus(t.requestNo(), TransferStatus.Outcome.FAILED, null, null,
                        TransferOutcomes.CHANNEL_NO_RECORD, reason, now), TransferEvent.Step.QUERY, now);
            } else {
                outcomes.fail(t, TransferOutcomes.CHANNEL_NO_RECORD, reason, now);
            }
            return;
        }
        record(t, TransferEvent.Step.QUERY, "NOT_FOUND", "the channel has no record of " + t.requestNo() + " yet", now);
        t.queryAgainAt(now.plus(backoff(t.queries())));
    }

    private Duration backoff(int queriesSoFar) {
        TransferKind.Timing timing = kind.timing();
        Duration next = timing.queryInterval().multipliedBy(1L << Math.min(queriesSoFar, 16));
        return next.compareTo(timing.maxQueryInterval()) > 0 ? timing.maxQueryInterval() : next;
    }

    private void record(T t, TransferEvent.Step step, String outcome, String detail, Instant now) {
        kind.record(t.transferId(), step.name(), outcome, detail, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
