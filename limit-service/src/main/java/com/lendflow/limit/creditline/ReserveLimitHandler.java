package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.platform.messaging.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a drawdown's amount on the customer's line, once per drawdown. The line's row is
 * locked for the transaction, so concurrent drawdowns on one line queue for it and each sees the
 * reservations committed before it: the line is never over-reserved. A command re-sent for the
 * same drawdown is answered with the first answer, whatever the line has done since.
 */
@Component
class ReserveLimitHandler {

    private static final Logger log = LoggerFactory.getLogger(ReserveLimitHandler.class);

    private final CreditLines creditLines;
    private final LimitReservations reservations;
    private final CreditLineSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    ReserveLimitHandler(CreditLines creditLines, LimitReservations reservations, CreditLineSettings settings,
                        Outbox outbox, Clock clock) {
        this.creditLines = creditLines;
        this.reservations = reservations;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(ReserveLimit command) {
        ReservationRequest request;
        try {
            request = ReservationRequest.of(command);
        } catch (ReservationRefused invalid) {
            // A fault in the command itself: refused the same way every time, nothing to remember.
            log.warn("refusing ReserveLimit for drawdown {}: {} {}", command.drawdownId(), invalid.code(), invalid.reason());
            outbox.publish(Topics.LIMIT_CREDIT_LINE, command.drawdownId().toString(), LimitReservationRefused.TYPE,
                    new LimitReservationRefused(command.drawdownId(), invalid.code().name(), invalid.reason()));
            return;
        }
        // Lock first, then look for an earlier answer: a copy of this command racing on another
        // thread has either committed its row by the time we hold the lock, or not started.
        Optional<CreditLine> line = creditLines.lockById(request.customerId());
        Optional<LimitReservation> earlier = reservations.findById(request.drawdownId());
        if (earlier.isPresent()) {
            log.info("drawdown {} was answered before ({}); answering again", request.drawdownId(), earlier.get().state());
            answer(earlier.get());
            return;
        }
        // Database timestamps hold microseconds: the first answer and a repeated one must match.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LimitReservation outcome;
        if (line.isEmpty()) {
            outcome = LimitReservation.refused(request, new ReservationRefused(ReservationRefusal.NO_LINE,
                    "the customer has no credit line; an approved credit-line application must grant one first"), now);
        } else {
            LocalDate today = settings.today(clock);
            try {
                line.get().reserve(request.amount(), today);
                outcome = LimitReservation.reserved(request, line.get(), today, now);
            } catch (ReservationRefused refused) {
                outcome = LimitReservation.refused(request, refused, now);
            }
        }
        reservations.save(outcome);
        if (outcome.isRefused()) {
            log.info("refused drawdown {} of {} on customer {}'s line: {} {}", request.drawdownId(), request.amount(),
                    request.customerId(), outcome.refusalCode(), outcome.refusalReason());
        } else {
            log.info("reserved {} for drawdown {} on customer {}'s line, {} still available", request.amount(),
                    request.drawdownId(), request.customerId(), outcome.availableAfter());
        }
        answer(outcome);
    }

    private void answer(LimitReservation outcome) {
        String key = outcome.drawdownId().toString();
        if (outcome.isRefused()) {
            outbox.publish(Topics.LIMIT_CREDIT_LINE, key, LimitReservationRefused.TYPE, outcome.refusedReply());
        } else {
            outbox.publish(Topics.LIMIT_CREDIT_LINE, key, LimitReserved.TYPE, outcome.reservedReply());
        }
    }
}
