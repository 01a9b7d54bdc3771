package com.lendflow.funding.reservation;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.funding.PositionWarning;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.funding.FundingSettings;
import com.lendflow.funding.partner.FundingPartner;
import com.lendflow.funding.partner.FundingPartners;
import com.lendflow.funding.position.Position;
import com.lendflow.funding.position.Positions;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
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
 * Reserves the partner's position for a drawdown, once per drawdown. The partner is held shared
 * and the day's position locked, so concurrent reservations take turns and a reservation that would
 * pass 100% of the day's plan is refused before any money moves. The first reservation that takes
 * the day to the warning level (90% by default) warns, once a day.
 */
@Component
class ReserveFundingHandler {

    private static final Logger log = LoggerFactory.getLogger(ReserveFundingHandler.class);

    private final Reservations reservations;
    private final FundingPartners partners;
    private final Positions positions;
    private final FundingSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    ReserveFundingHandler(Reservations reservations, FundingPartners partners, Positions positions,
                          FundingSettings settings, Outbox outbox, Clock clock) {
        this.reservations = reservations;
        this.partners = partners;
        this.positions = positions;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(ReserveFunding command) {
        Optional<Reservation> earlier = reservations.find(command.drawdownId());
        if (earlier.isPresent()) {
            log.info("drawdown {} asked for funding before ({}); answering again", command.drawdownId(),
                    earlier.get().status());
            answer(earlier.get());
            return;
        }
        BigDecimal amount = amount(command.amount());
        if (amount == null || command.partnerId() == null || command.partnerId().isBlank()) {
            // A fault in the command itself: refused the same way every time, nothing to remember.
            Refusal code = amount == null ? Refusal.INVALID_AMOUNT : Refusal.PARTNER_NOT_ELIGIBLE;
            String reason = amount == null
                    ? "the amount must be a positive number of yuan with at most two decimals, not " + command.amount()
                    : "the command names no funding partner";
            log.warn("refusing ReserveFunding for drawdown {}: {} {}", command.drawdownId(), code, reason);
            outbox.publish(Topics.FUNDING_POSITION, command.drawdownId().toString(), FundingRefused.TYPE,
                    new FundingRefused(command.drawdownId(), command.partnerId(), code.name(), reason));
            return;
        }
        LocalDate date = command.businessDate() != null ? command.businessDate() : settings.today(clock);
        // Database timestamps hold microseconds: the first answer and a repeated one must match.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Reservation outcome = reserve(command, amount, date, now);
        reservations.insert(outcome);
        answer(outcome);
    }

    private Reservation reserve(ReserveFunding command, BigDecimal amount, LocalDate date, Instant now) {
        Optional<FundingPartner> found = partners.holdShared(command.partnerId());
        if (found.isEmpty()) {
            return refuse(command, amount, date, now, Refusal.PARTNER_NOT_ELIGIBLE,
                    "there is no funding partner " + command.partnerId());
        }
        FundingPartner partner = found.get();
        if (!partner.active()) {
            return refuse(command, amount, date, now, Refusal.PARTNER_INACTIVE,
                    partner.id() + " is not taking loans at the moment");
        }
        Optional<String> ineligible = partner.ineligibility(command.grade(), amount, command.termMonths());
        if (ineligible.isPresent()) {
            return refuse(command, amount, date, now, Refusal.PARTNER_NOT_ELIGIBLE, ineligible.get());
        }
        Position position = positions.hold(partner.id(), date);
        if (position.total().signum() == 0) {
            return refuse(command, amount, date, now, Refusal.NO_PLAN,
                    partner.id() + " has no disbursement plan for " + date);
        }
        if (!position.fits(amount)) {
            return refuse(command, amount, date, now, Refusal.POSITION_EXHAUSTED,
                    "%s has %s left of its %s plan for %s, less than %s".formatted(partner.id(),
                            Amounts.text(position.remaining()), Amounts.text(position.total()), date,
                            Amounts.text(amount)));
        }
        Position after = position.reserve(amount);
        if (!after.warned() && after.atOrAbove(settings.warningPercent())) {
            after = after.warnedAt(now);
            warn(after);
        }
        positions.save(after);
        log.info("reserved {} of {}'s position for {} for drawdown {}; {} left of {}", Amounts.text(amount),
                partner.id(), date, command.drawdownId(), Amounts.text(after.remaining()), Amounts.text(after.total()));
        return Reservation.reserved(command.drawdownId(), command.customerId(), partner.id(), partner.name(), date,
                amount, after.remaining(), now);
    }

    private void warn(Position position) {
        int percent = position.percentUsed().intValue();
        log.warn("funding position warning: {} has {} reserved and used of its {} plan for {} ({}%, warning at {}%)",
                position.partnerId(), Amounts.text(position.taken()), Amounts.text(position.total()),
                position.businessDate(), position.percentUsed().toPlainString(), settings.warningPercent());
        outbox.publish(Topics.FUNDING_POSITION, position.partnerId(), PositionWarning.TYPE,
                new PositionWarning(position.partnerId(), position.businessDate(), Amounts.text(position.total()),
                        Amounts.text(position.taken()), percent));
    }

    private Reservation refuse(ReserveFunding command, BigDecimal amount, LocalDate date, Instant now, Refusal code,
                               String reason) {
        log.info("refused funding for drawdown {} from {}: {} {}", command.drawdownId(), command.partnerId(), code,
                reason);
        return Reservation.refused(command.drawdownId(), command.customerId(), command.partnerId(), date, amount, code,
                reason, now);
    }

    private void answer(Reservation outcome) {
        String key = outcome.drawdownId().toString();
        if (outcome.isRefused()) {
            outbox.publish(Topics.FUNDING_POSITION, key, FundingRefused.TYPE, outcome.refusedReply());
        } else {
            outbox.publish(Topics.FUNDING_POSITION, key, FundingReserved.TYPE, outcome.reservedReply());
        }
    }

    /** A positive amount in whole fen, or null. */
    private static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2 && amount.precision() - amount.scale() <= 17
                    ? amount.setScale(2) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
