package com.lendflow.funding.partner;

import com.lendflow.funding.ActingStaff;
import com.lendflow.funding.FundingSettings;
import com.lendflow.funding.position.Position;
import com.lendflow.funding.position.Positions;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds or replaces a funding partner, audited in the same transaction. Holding the partner
 * exclusively makes reservations wait for the change (and the change for them), so a reservation
 * is checked against one version of the rules.
 */
@Component
class ChangePartnerHandler {

    private static final Logger log = LoggerFactory.getLogger(ChangePartnerHandler.class);
    static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    private final FundingPartners partners;
    private final Positions positions;
    private final FundingSettings settings;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    ChangePartnerHandler(FundingPartners partners, Positions positions, FundingSettings settings, AuditTrail audit,
                         AuditActorSource actors, Clock clock) {
        this.partners = partners;
        this.positions = positions;
        this.settings = settings;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public PartnerView handle(ChangePartner command) {
        refuseIfInvalid(command);
        // Database timestamps hold microseconds: the answer and a later read must match.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = ActingStaff.name(actors);
        Optional<FundingPartner> before = partners.holdExclusively(command.partnerId());
        if (before.isEmpty()) {
            if (command.expectedVersion() != null) {
                throw ApiProblem.conflict("stale-version", "there is no funding partner " + command.partnerId()
                        + " at version " + command.expectedVersion() + "; to add it, send no version");
            }
            FundingPartner added = partner(command, 0, now, by);
            if (!partners.insert(added)) {
                throw ApiProblem.conflict("stale-version", "funding partner " + command.partnerId()
                        + " was added meanwhile; reload it and apply your change again");
            }
            audit.record(new AuditEntry("funding-partner.add", "funding-partner", added.id(), null,
                    PartnerView.of(added), command.reason()));
            log.info("funding partner {} added by {}: priority {}, plan {} a day, {}", added.id(), by, added.priority(),
                    Amounts.text(added.dailyPlan()), added.active() ? "active" : "inactive");
            return PartnerView.of(added);
        }
        FundingPartner current = before.get();
        if (command.expectedVersion() == null || command.expectedVersion() != current.version()) {
            throw ApiProblem.conflict("stale-version", "funding partner " + current.id() + " is at version "
                    + current.version() + ", not " + command.expectedVersion()
                    + "; someone changed it since you read it: reload and apply your change again");
        }
        FundingPartner changed = partner(command, current.version() + 1, now, by);
        refuseIfBelowUsage(changed);
        partners.update(changed, current.version());
        audit.record(new AuditEntry("funding-partner.change", "funding-partner", changed.id(), PartnerView.of(current),
                PartnerView.of(changed), command.reason()));
        log.info("funding partner {} changed by {} to version {}: priority {}, plan {} a day, {}", changed.id(), by,
                changed.version(), changed.priority(), Amounts.text(changed.dailyPlan()),
                changed.active() ? "active" : "inactive");
        return PartnerView.of(changed);
    }

    /** A lower default may not leave a day that follows it, from today on, with more reserved and used than its plan. */
    private void refuseIfBelowUsage(FundingPartner changed) {
        for (Position position : positions.followingDefaultFrom(changed.id(), settings.today(clock))) {
            if (changed.dailyPlan().add(position.topUps()).compareTo(position.taken()) < 0) {
                throw ApiProblem.conflict("plan-below-usage", "%s has %s reserved and used on %s; a daily plan of %s (with %s of top-ups) would be below it"
                        .formatted(changed.id(), Amounts.text(position.taken()), position.businessDate(),
                                Amounts.text(changed.dailyPlan()), Amounts.text(position.topUps())));
            }
        }
    }

    private static FundingPartner partner(ChangePartner command, long version, Instant now, String by) {
        return new FundingPartner(command.partnerId(), command.name().strip(), command.active(), command.priority(),
                command.fundingRate(), command.grades(), command.minAmount(), command.maxAmount(),
                command.termMonths().stream().sorted().toList(), command.dailyPlan(), version, now, by);
    }

    private static void refuseIfInvalid(ChangePartner command) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!PARTNER_ID.matcher(command.partnerId()).matches()) {
            violations.add(new FieldViolation("partnerId", "Pattern",
                    "must be 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit"));
        }
        if (command.minAmount().compareTo(command.maxAmount()) > 0) {
            violations.add(new FieldViolation("maxAmount", "not-below-min", "must not be below minAmount"));
        }
        if (new HashSet<>(command.grades()).size() != command.grades().size()) {
            violations.add(new FieldViolation("grades", "distinct", "must not name a grade twice"));
        }
        if (new HashSet<>(command.termMonths()).size() != command.termMonths().size()) {
            violations.add(new FieldViolation("termMonths", "distinct", "must not name a term twice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
