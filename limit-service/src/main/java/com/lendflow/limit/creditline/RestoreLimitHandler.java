package com.lendflow.limit.creditline;

import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.ledger.RepaymentUnapplied;
import com.lendflow.platform.messaging.MalformedMessageException;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revolving part of a line: repaid principal is available again, once per repayment id, and a
 * reversed repayment (the bank returned the money) occupies it again, once per repayment id.
 *
 * <p>A reversal may find the restored limit drawn again meanwhile. The money has left, so the
 * line is not refused the re-occupation: it goes over its limit by the shortfall, which is
 * recorded, and it is frozen OVER_OCCUPIED until repayments bring it back within its limit (that
 * freeze is lifted by the repayment, never by staff).
 *
 * <p>A repayment can reach this service before its drawdown's confirmation (the saga's message held
 * up by a restart): the drawdown's reservation is occupied first, so the repayment restores that
 * drawdown's principal and no other loan's.
 *
 * <p>A RECOVERY (money collected on a written-off loan) restores nothing: the written-off
 * principal stays drawn on the line, whose customer must apply anew to borrow again.
 */
@Component
class RestoreLimitHandler {

    private static final Logger log = LoggerFactory.getLogger(RestoreLimitHandler.class);
    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    private final CreditLines creditLines;
    private final LimitReservations reservations;
    private final LimitRestorations restorations;
    private final LineFreezes freezes;
    private final CreditLineSettings settings;
    private final Clock clock;

    RestoreLimitHandler(CreditLines creditLines, LimitReservations reservations, LimitRestorations restorations,
                        LineFreezes freezes, CreditLineSettings settings, Clock clock) {
        this.creditLines = creditLines;
        this.reservations = reservations;
        this.restorations = restorations;
        this.freezes = freezes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void handle(RepaymentApplied applied) {
        requireIds(applied.repaymentId(), applied.customerId(), "RepaymentApplied");
        BigDecimal principal = amount(applied.principalRepaid(), "principalRepaid", applied.repaymentId());
        CreditLine line = lineOf(applied.customerId(), applied.repaymentId());
        // Lock first, then look: a copy racing on another consumer thread has committed by now, or not started.
        if (restorations.findById(applied.repaymentId()).isPresent()) {
            log.info("repayment {} restored customer {}'s line before; nothing more", applied.repaymentId(),
                    applied.customerId());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = null;
        BigDecimal restorable;
        if ("RECOVERY".equals(applied.kind())) {
            restorable = NOTHING;
            note = "a recovery after write-off restores no limit";
        } else {
            occupyIfStillReserved(applied, line, now);
            restorable = principal.min(line.occupied()).min(stillDrawnOn(applied.drawdownId(), line));
            if (restorable.compareTo(principal) < 0) {
                note = "only %s of the drawdown was still drawn on the line".formatted(Amounts.text(restorable));
            }
        }
        line.restore(restorable);
        restorations.save(LimitRestoration.of(applied.repaymentId(), applied.customerId(), applied.loanId(),
                applied.drawdownId(), applied.kind() == null ? "REPAYMENT" : applied.kind(), principal, restorable, note, now));
        if (line.overOccupied().signum() == 0) {
            freezes.endOverOccupation(line, applied.repaymentId(), settings.today(clock), now);
        }
        log.info("repayment {} ({}) restored {} of {} principal on customer {}'s line", applied.repaymentId(),
                applied.kind(), restorable, principal, applied.customerId());
    }

    @Transactional
    public void handle(RepaymentUnapplied unapplied) {
        requireIds(unapplied.repaymentId(), unapplied.customerId(), "RepaymentUnapplied");
        BigDecimal asked = amount(unapplied.principalRestored(), "principalRestored", unapplied.repaymentId());
        CreditLine line = lineOf(unapplied.customerId(), unapplied.repaymentId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<LimitRestoration> restoration = restorations.findById(unapplied.repaymentId());
        if (restoration.isEmpty()) {
            log.warn("repayment {} was reversed but never restored the line; nothing to occupy again",
                    unapplied.repaymentId());
            restorations.save(LimitRestoration.reversedUnseen(unapplied.repaymentId(), unapplied.customerId(),
                    unapplied.loanId(), unapplied.drawdownId(), unapplied.reason(), now));
            return;
        }
        if (restoration.get().isReversed()) {
            log.info("repayment {} was reversed before; nothing more", unapplied.repaymentId());
            return;
        }
        // Never occupy again more than this repayment restored.
        BigDecimal reoccupied = asked.min(restoration.get().restored());
        BigDecimal overAfter = line.shortfallAfterReoccupying(reoccupied);
        BigDecimal shortfall = overAfter.subtract(line.overOccupied()).max(NOTHING);
        if (shortfall.signum() > 0) {
            // Frozen first: the database never holds an over-occupied line that is not frozen OVER_OCCUPIED.
            String reason = "repayment %s was reversed after its restored limit was drawn again: %s over the limit of %s until repaid"
                    .formatted(unapplied.repaymentId(), Amounts.text(overAfter), Amounts.text(line.creditLimit()));
            freezes.hold(line, CreditLineRequest.freeze("over-occupied:" + unapplied.repaymentId(), line.customerId(),
                    FreezeCode.OVER_OCCUPIED, reason, LineFreezes.LIMIT_SERVICE, now));
            log.warn("customer {}'s line is over-occupied: {}", unapplied.customerId(), reason);
        }
        line.reoccupy(reoccupied);
        restoration.get().reverse(reoccupied, shortfall, unapplied.reason(), now);
        log.info("repayment {} reversed: {} occupied again on customer {}'s line", unapplied.repaymentId(), reoccupied,
                unapplied.customerId());
    }

    /**
     * A loan being repaid was paid out, so its drawdown's reservation is occupied now if the saga's
     * confirmation has not reached this service yet (a broker or a service restarted in between): the
     * repayment then comes off that drawdown, not off another loan's. The confirmation, when it comes,
     * finds the reservation occupied and changes nothing.
     */
    private void occupyIfStillReserved(RepaymentApplied applied, CreditLine line, Instant now) {
        if (applied.drawdownId() == null) {
            return;
        }
        reservations.findById(applied.drawdownId())
                .filter(reservation -> reservation.state() == ReservationState.RESERVED)
                .ifPresent(reservation -> {
                    reservation.occupy(now);
                    line.occupy(reservation.amount());
                    log.warn("repayment {} came before drawdown {}'s confirmation: occupied its {} on customer {}'s "
                                    + "line first", applied.repaymentId(), applied.drawdownId(), reservation.amount(),
                            applied.customerId());
                });
    }

    /** What the drawdown still has drawn on the line; the whole line's occupied when the drawdown is unknown here. */
    private BigDecimal stillDrawnOn(UUID drawdownId, CreditLine line) {
        if (drawdownId == null) {
            return line.occupied();
        }
        return reservations.findById(drawdownId)
                .filter(reservation -> reservation.state() == ReservationState.OCCUPIED)
                .map(reservation -> reservation.amount().subtract(restorations.netRestoredFor(drawdownId)).max(NOTHING))
                .orElse(line.occupied());
    }

    private CreditLine lineOf(UUID customerId, String repaymentId) {
        // A repaid loan was drawn on a line; without one the ledger and the line disagree and staff must look.
        return creditLines.lockById(customerId).orElseThrow(() -> new ReservationConflict(
                "repayment %s names customer %s, who has no credit line".formatted(repaymentId, customerId)));
    }

    private static void requireIds(String repaymentId, UUID customerId, String type) {
        if (repaymentId == null || repaymentId.isBlank() || customerId == null) {
            throw new MalformedMessageException(type + " names no repayment or no customer");
        }
    }

    private static BigDecimal amount(String text, String field, String repaymentId) {
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException("negative or finer than a fen");
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("repayment %s: %s is not an amount in fen: '%s'"
                    .formatted(repaymentId, field, text));
        }
    }
}
