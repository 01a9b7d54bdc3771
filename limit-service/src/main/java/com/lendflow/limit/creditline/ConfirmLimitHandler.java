package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drawdown was disbursed: its reservation becomes occupied on the line, once. A re-sent
 * command finds it occupied and is answered again. A drawdown with no live reservation cannot be
 * confirmed: that is a saga fault staff must see, not something to paper over.
 */
@Component
class ConfirmLimitHandler {

    private static final Logger log = LoggerFactory.getLogger(ConfirmLimitHandler.class);

    private final CreditLines creditLines;
    private final LimitReservations reservations;
    private final Outbox outbox;
    private final Clock clock;

    ConfirmLimitHandler(CreditLines creditLines, LimitReservations reservations, Outbox outbox, Clock clock) {
        this.creditLines = creditLines;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @throws ReservationConflict if the drawdown has no reservation, or a refused or released one */
    @Transactional
    public void handle(ConfirmLimit command) {
        var customer = reservations.customerOf(command.drawdownId()).orElseThrow(() -> conflict(command,
                "drawdown %s has no reservation on any line to confirm".formatted(command.drawdownId())));
        CreditLine line = creditLines.lockById(customer).orElseThrow(() -> conflict(command,
                "drawdown %s was refused (customer %s has no credit line); there is nothing to confirm"
                        .formatted(command.drawdownId(), customer)));
        LimitReservation reservation = reservations.findById(command.drawdownId()).orElseThrow();
        switch (reservation.state()) {
            case RESERVED -> {
                reservation.occupy(clock.instant().truncatedTo(ChronoUnit.MICROS));
                line.occupy(reservation.amount());
                log.info("occupied {} on customer {}'s line for drawdown {}", reservation.amount(), customer,
                        command.drawdownId());
            }
            case OCCUPIED -> log.info("drawdown {} is occupied already; answering again", command.drawdownId());
            case RELEASED, REFUSED -> throw conflict(command, "drawdown %s's reservation is %s; a confirmed drawdown needs a RESERVED one"
                    .formatted(command.drawdownId(), reservation.state()));
        }
        outbox.publish(Topics.LIMIT_CREDIT_LINE, command.drawdownId().toString(), LimitOccupied.TYPE,
                new LimitOccupied(reservation.drawdownId(), reservation.customerId(), Amounts.text(reservation.amount())));
    }

    private static ReservationConflict conflict(ConfirmLimit command, String reason) {
        log.error("cannot confirm drawdown {} of customer {}: {}", command.drawdownId(), command.customerId(), reason);
        return new ReservationConflict(reason);
    }
}
