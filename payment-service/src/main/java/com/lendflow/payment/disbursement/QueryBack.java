package com.lendflow.payment.disbursement;

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
 * Finds out what happened to disbursements whose outcome the channel has not told us: submitted
 * ones whose callback is late, unknown ones (timeout, 5xx), and ones whose sender died mid-call.
 * Each is queried by request number, with backoff, until the channel says SUCCESS or FAILED; none
 * is ever sent again. Recorded ones that were never handed over (the process died after the
 * commit) are sent from here. Queries run with no transaction open; several instances may query
 * the same transfer, which is harmless: the first final answer settles it under a row lock.
 */
@Component
class QueryBack {

    private static final Logger log = LoggerFactory.getLogger(QueryBack.class);
    private static final Limit BATCH = Limit.of(50);

    private final Disbursements disbursements;
    private final DisbursementEvents events;
    private final DisbursementSender sender;
    private final ChannelOutcomes outcomes;
    private final PaymentChannel channel;
    private final DisbursementProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    QueryBack(Disbursements disbursements, DisbursementEvents events, DisbursementSender sender, ChannelOutcomes outcomes,
              PaymentChannel channel, DisbursementProperties properties, TransactionTemplate transactions, Clock clock) {
        this.disbursements = disbursements;
        this.events = events;
        this.sender = sender;
        this.outcomes = outcomes;
        this.channel = channel;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lendflow.payment.disbursement.poll-interval:2s}",
            initialDelayString = "${lendflow.payment.disbursement.poll-interval:2s}")
    void run() {
        Instant now = now();
        for (UUID stuck : disbursements.stuckSending(now.minus(properties.stuckAfter()), BATCH)) {
            transactions.executeWithoutResult(status -> disbursements.lockById(stuck)
                    .filter(d -> d.state() == DisbursementState.SENDING)
                    .ifPresent(d -> {
                        log.warn("disbursement {} has been sending since {}: its sender was lost; querying it",
                                d.requestNo(), d.sendingSince());
                        d.outcomeUnknown(now);
                        events.save(DisbursementEvent.of(d.drawdownId(), DisbursementEvent.Kind.SUBMISSION, "LOST",
                                "no answer recorded since " + d.sendingSince() + "; outcome unknown", now));
                    }));
        }
        for (UUID due : disbursements.due(now, BATCH)) {
            try {
                followUp(due);
            } catch (RuntimeException e) {
                log.error("following up disbursement for drawdown {} failed: {}", due, e.toString(), e);
            }
        }
    }

    private void followUp(UUID drawdownId) {
        Disbursement disbursement = disbursements.findById(drawdownId).orElseThrow();
        switch (disbursement.state()) {
            case PENDING -> sender.send(drawdownId);
            case SUBMITTED, UNKNOWN -> query(drawdownId, disbursement.requestNo());
            default -> { }
        }
    }

    private void query(UUID drawdownId, String requestNo) {
        TransferStatus status;
        try {
            status = channel.query(requestNo);
        } catch (ChannelUnavailable unavailable) {
            transactions.executeWithoutResult(tx -> disbursements.lockById(drawdownId)
                    .filter(d -> !d.state().isFinal())
                    .ifPresent(d -> {
                        Instant now = now();
                        events.save(DisbursementEvent.of(drawdownId, DisbursementEvent.Kind.QUERY, "UNAVAILABLE",
                                unavailable.getMessage(), now));
                        d.queryAgainAt(now.plus(backoff(d.queries())));
                    }));
            return;
        }
        transactions.executeWithoutResult(tx -> {
            Disbursement d = disbursements.lockById(drawdownId).orElseThrow();
            Instant now = now();
            switch (status.outcome()) {
                case SUCCESS, FAILED -> outcomes.apply(d, status, DisbursementEvent.Kind.QUERY, now);
                case PROCESSING -> {
                    if (!d.state().isFinal()) {
                        events.save(DisbursementEvent.of(drawdownId, DisbursementEvent.Kind.QUERY, "PROCESSING",
                                ChannelOutcomes.describe(status), now));
                        d.queryAgainAt(now.plus(backoff(d.queries())));
                    }
                }
                case NOT_FOUND -> notFound(d, now);
            }
        });
    }

    private void notFound(Disbursement d, Instant now) {
        if (d.state().isFinal()) {
            return;
        }
        Instant since = d.sendingSince() != null ? d.sendingSince() : d.createdAt();
        if (since.plus(properties.notFoundAfter()).isBefore(now)) {
            String reason = "channel " + d.channel() + " has no record of " + d.requestNo() + " "
                    + Duration.between(since, now).toMinutes() + " minutes after it was sent: it never arrived";
            events.save(DisbursementEvent.of(d.drawdownId(), DisbursementEvent.Kind.QUERY, "NOT_FOUND_FINAL", reason, now));
            outcomes.apply(d, new TransferStatus(d.requestNo(), TransferStatus.Outcome.FAILED, null, null,
                    Disbursement.CHANNEL_NO_RECORD, reason, now), DisbursementEvent.Kind.QUERY, now);
            return;
        }
        events.save(DisbursementEvent.of(d.drawdownId(), DisbursementEvent.Kind.QUERY, "NOT_FOUND",
                "the channel has no record of " + d.requestNo() + " yet", now));
        d.queryAgainAt(now.plus(backoff(d.queries())));
    }

    private Duration backoff(int queriesSoFar) {
        Duration next = properties.queryInterval().multipliedBy(1L << Math.min(queriesSoFar, 16));
        return next.compareTo(properties.maxQueryInterval()) > 0 ? properties.maxQueryInterval() : next;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
