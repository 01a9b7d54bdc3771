package com.lendflow.funding.reservation;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.funding.ConfirmFunding;
import com.lendflow.contracts.funding.FundingConfirmed;
import com.lendflow.contracts.funding.FundingReleased;
import com.lendflow.contracts.funding.ReleaseFunding;
import com.lendflow.funding.position.Position;
import com.lendflow.funding.position.Positions;
import com.lendflow.platform.messaging.MalformedMessageException;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a reservation goes: used when the drawdown is disbursed (ConfirmFunding), given back when
 * it failed (ReleaseFunding). Each holds the reservation and then the day's position, and answers a
 * re-sent command the same way without moving anything twice.
 */
@Component
class SettleFundingHandlers {

    private static final Logger log = LoggerFactory.getLogger(SettleFundingHandlers.class);
    private static final String NOTHING = "0.00";

    private final Reservations reservations;
    private final Positions positions;
    private final Outbox outbox;
    private final Clock clock;

    SettleFundingHandlers(Reservations reservations, Positions positions, Outbox outbox, Clock clock) {
        this.reservations = reservations;
        this.positions = positions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(ConfirmFunding command) {
        Optional<Reservation> held = reservations.hold(command.drawdownId());
        if (held.isEmpty() || held.get().status() == Reservation.Status.REFUSED
                || held.get().status() == Reservation.Status.RELEASED) {
            // Money was paid out against a position this drawdown does not hold: a person must look, not a retry.
            String state = held.map(r -> "was " + r.status().name().toLowerCase()).orElse("was never reserved");
            log.error("ConfirmFunding for drawdown {}, whose funding {}: nothing confirmed, sent to the dead-letter topic",
                    command.drawdownId(), state);
            throw new MalformedMessageException("ConfirmFunding for drawdown " + command.drawdownId() + ", whose funding "
                    + state);
        }
        Reservation reservation = held.get();
        if (reservation.status() == Reservation.Status.RESERVED) {
            Position position = positions.hold(reservation.partnerId(), reservation.businessDate());
            positions.save(position.use(reservation.amount()));
            reservations.confirmed(reservation.drawdownId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            log.info("confirmed {} of {}'s position for {} as used by drawdown {}", Amounts.text(reservation.amount()),
                    reservation.partnerId(), reservation.businessDate(), reservation.drawdownId());
        } else {
            log.info("drawdown {}'s funding was confirmed before; answering again", reservation.drawdownId());
        }
        outbox.publish(Topics.FUNDING_POSITION, reservation.drawdownId().toString(), FundingConfirmed.TYPE,
                new FundingConfirmed(reservation.drawdownId(), reservation.partnerId(), Amounts.text(reservation.amount())));
    }

    @Transactional
    public void handle(ReleaseFunding command) {
        Optional<Reservation> held = reservations.hold(command.drawdownId());
        String key = command.drawdownId().toString();
        if (held.isEmpty()) {
            log.info("ReleaseFunding for drawdown {} ({}): nothing was reserved, nothing to release", command.drawdownId(),
                    command.reason());
            outbox.publish(Topics.FUNDING_POSITION, key, FundingReleased.TYPE,
                    new FundingReleased(command.drawdownId(), null, NOTHING));
            return;
        }
        Reservation reservation = held.get();
        String released = switch (reservation.status()) {
            case RESERVED -> {
                Position position = positions.hold(reservation.partnerId(), reservation.businessDate());
                positions.save(position.release(reservation.amount()));
                reservations.released(reservation.drawdownId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
                log.info("released {} of {}'s position for {} held by drawdown {} ({})",
                        Amounts.text(reservation.amount()), reservation.partnerId(), reservation.businessDate(),
                        reservation.drawdownId(), command.reason());
                yield Amounts.text(reservation.amount());
            }
            case RELEASED -> {
                log.info("drawdown {}'s funding was released before; answering again", reservation.drawdownId());
                yield Amounts.text(reservation.amount());
            }
            case CONFIRMED -> {
                // The money was paid out: it stays used, whatever a late compensation says.
                log.warn("ReleaseFunding for drawdown {} ({}) after its funding was confirmed as used: nothing released",
                        reservation.drawdownId(), command.reason());
                yield NOTHING;
            }
            case REFUSED -> {
                log.info("ReleaseFunding for drawdown {} ({}), whose funding was refused: nothing to release",
                        reservation.drawdownId(), command.reason());
                yield NOTHING;
            }
        };
        outbox.publish(Topics.FUNDING_POSITION, key, FundingReleased.TYPE,
                new FundingReleased(reservation.drawdownId(), reservation.partnerId(), released));
    }
}
