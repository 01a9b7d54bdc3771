package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.LimitReleased;
import com.lendflow.contracts.limit.ReleaseLimit;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensates a failed drawdown: its reservation is released and the amount is available again,
 * once. Releasing nothing (never reserved, refused) answers "0.00". A drawdown already occupied
 * stays occupied: the money went out, so the line keeps showing it, and the answer is "0.00".
 */
@Component
class ReleaseLimitHandler {

    private static final Logger log = LoggerFactory.getLogger(ReleaseLimitHandler.class);
    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    private final CreditLines creditLines;
    private final LimitReservations reservations;
    private final Outbox outbox;
    private final Clock clock;

    ReleaseLimitHandler(CreditLines creditLines, LimitReservations reservations, Outbox outbox, Clock clock) {
        this.creditLines = creditLines;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(ReleaseLimit command) {
        Optional<UUID> customer = reservations.customerOf(command.drawdownId());
        if (customer.isEmpty()) {
            log.info("drawdown {} holds no reservation; nothing to release", command.drawdownId());
            answer(command.drawdownId(), command.customerId(), NOTHING);
            return;
        }
        Optional<CreditLine> line = creditLines.lockById(customer.get());
        LimitReservation reservation = reservations.findById(command.drawdownId()).orElseThrow();
        BigDecimal released = switch (reservation.state()) {
            case RESERVED -> {
                reservation.release(command.reason(), clock.instant().truncatedTo(ChronoUnit.MICROS));
                line.orElseThrow().release(reservation.amount());
                log.info("released {} on customer {}'s line for drawdown {}: {}", reservation.amount(), customer.get(),
                        command.drawdownId(), command.reason());
                yield reservation.amount();
            }
            case RELEASED -> reservation.amount();
            case OCCUPIED -> {
                log.warn("drawdown {} is occupied (disbursed); a release cannot undo that, answering 0.00",
                        command.drawdownId());
                yield NOTHING;
            }
            case REFUSED -> NOTHING;
        };
        answer(reservation.drawdownId(), reservation.customerId(), released);
    }

    private void answer(UUID drawdownId, UUID customerId, BigDecimal amount) {
        outbox.publish(Topics.LIMIT_CREDIT_LINE, drawdownId.toString(), LimitReleased.TYPE,
                new LimitReleased(drawdownId, customerId, Amounts.text(amount)));
    }
}
