package com.lendflow.funding.position;

import com.lendflow.funding.ActingStaff;
import com.lendflow.funding.FundingSettings;
import com.lendflow.funding.partner.FundingPartner;
import com.lendflow.funding.partner.FundingPartners;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to a day's money: its plan and its top-ups. Each holds the partner (shared) and
 * then the day's position, in the same order as a reservation, and is audited in the same
 * transaction.
 */
@Component
class PositionHandlers {

    private static final Logger log = LoggerFactory.getLogger(PositionHandlers.class);

    private final FundingPartners partners;
    private final Positions positions;
    private final FundingSettings settings;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    PositionHandlers(FundingPartners partners, Positions positions, FundingSettings settings, AuditTrail audit,
                     AuditActorSource actors, Clock clock) {
        this.partners = partners;
        this.positions = positions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.actors = actors;
    }

    @Transactional
    public PositionView handle(ChangePlan command) {
        refuseIfPast(command.businessDate(), "date");
        FundingPartner partner = partners.holdShared(command.partnerId())
                .orElseThrow(() -> ApiProblem.notFound("Funding partner", command.partnerId()));
        Position before = positions.hold(partner.id(), command.businessDate());
        Position after = before.withPlan(command.amount());
        if (after.total().compareTo(after.taken()) < 0) {
            throw ApiProblem.conflict("plan-below-usage", "%s has %s reserved and used on %s; a plan of %s (with %s of top-ups) would be below it"
                    .formatted(partner.id(), Amounts.text(before.taken()), command.businessDate(),
                            Amounts.text(command.amount()), Amounts.text(before.topUps())));
        }
        Instant now = clock.instant();
        positions.setPlan(partner.id(), command.businessDate(), command.amount(), ActingStaff.name(actors), now);
        Position stored = positions.find(partner.id(), command.businessDate()).orElseThrow();
        audit.record(new AuditEntry("funding-plan.change", "funding-position", subject(stored),
                PositionView.of(before, partner.name()), PositionView.of(stored, partner.name()), command.reason()));
        log.info("{}'s plan for {} is now {} (was {}), by {}", partner.id(), command.businessDate(),
                Amounts.text(command.amount()), Amounts.text(before.plan()), ActingStaff.name(actors));
        return PositionView.of(stored, partner.name());
    }

    @Transactional
    public PositionView handle(TopUp command) {
        refuseIfPast(command.businessDate(), "date");
        FundingPartner partner = partners.holdShared(command.partnerId())
                .orElseThrow(() -> ApiProblem.notFound("Funding partner", command.partnerId()));
        Position before = positions.hold(partner.id(), command.businessDate());
        Position after = before.toppedUp(command.amount());
        positions.addTopUp(partner.id(), command.businessDate(), command.amount(), command.reason(),
                ActingStaff.name(actors), clock.instant());
        positions.save(after);
        audit.record(new AuditEntry("funding-position.top-up", "funding-position", subject(after),
                PositionView.of(before, partner.name()), PositionView.of(after, partner.name()), command.reason()));
        log.info("{}'s plan for {} topped up by {} to {}, by {}", partner.id(), command.businessDate(),
                Amounts.text(command.amount()), Amounts.text(after.total()), ActingStaff.name(actors));
        return PositionView.of(after, partner.name());
    }

    private void refuseIfPast(LocalDate date, String field) {
        LocalDate today = settings.today(clock);
        if (date.isBefore(today)) {
            throw new InvalidRequest(List.of(new FieldViolation(field, "not-past",
                    "must be today (" + today + ") or later; a past day's money cannot change")));
        }
    }

    private static String subject(Position position) {
        return position.partnerId() + "/" + position.businessDate();
    }
}
