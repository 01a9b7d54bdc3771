package com.lendflow.collection.postloan.earlywarning;

import com.lendflow.collection.CollectionServiceApplication;
import com.lendflow.collection.postloan.PostLoanProperties;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import com.lendflow.platform.messaging.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judges a customer against the early-warning rules whenever something about them changes, under their lock,
 * and sends what a rule decides to limit-service through the outbox: a freeze or a lowering once per customer,
 * rule and episode, and — when all their loans are current or settled again — the unfreeze of the freeze the
 * days-past-due rules put on. Runs inside the caller's transaction (the inbox's, or the risk-signal request's).
 */
@Component
class EarlyWarningEngine {

    /** LowerCreditLine's new limit: limit-service never lowers below occupied plus reserved, so this means "to occupied". */
    static final String TO_OCCUPIED = "0.00";

    private static final Logger log = LoggerFactory.getLogger(EarlyWarningEngine.class);

    private final EarlyWarningRules rules;
    private final EarlyWarnings warnings;
    private final Delinquencies delinquencies;
    private final Outbox outbox;
    private final PostLoanProperties properties;
    private final Clock clock;

    EarlyWarningEngine(EarlyWarningRules rules, EarlyWarnings warnings, Delinquencies delinquencies, Outbox outbox,
                       PostLoanProperties properties, Clock clock) {
        this.rules = rules;
        this.warnings = warnings;
        this.delinquencies = delinquencies;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The customer's delinquency changed as of {@code asOf}: fires the days-past-due rules they now meet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void judgeDaysPastDue(UUID customerId, UUID loanId, LocalDate asOf) {
        delinquencies.lockCustomer(customerId);
        int daysPastDue = delinquencies.customerDaysPastDue(customerId, asOf);
        if (daysPastDue == 0) {
            return;
        }
        for (EarlyWarningRule rule : rules.enabledOn(EarlyWarningRule.DPD)) {
            if (rule.firesAt(daysPastDue) && warnings.open(customerId, rule.code()).isEmpty()) {
                raise(rule, customerId, daysPastDue, loanId, "%d days past due on %s, at or over %d".formatted(
                        daysPastDue, asOf, rule.minDpd()));
            }
        }
    }

    /** A new business date: every customer it carries over a days-past-due threshold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int judgeBusinessDate(LocalDate businessDate) {
        List<UUID> customers = delinquencies.customersDueForRules(businessDate);
        customers.forEach(customer -> judgeDaysPastDue(customer, null, businessDate));
        return customers.size();
    }

    /** A risk signal about the customer: fires the rules on that kind of signal, or notes it on the open warning. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EarlyWarning> signal(UUID customerId, String kind, String detail) {
        delinquencies.lockCustomer(customerId);
        Instant now = clock.instant();
        return rules.enabledOn(kind).stream().map(rule -> {
            Optional<EarlyWarning> open = warnings.open(customerId, rule.code());
            if (open.isPresent()) {
                warnings.act(open.get().id(), "SIGNAL_REPEATED", null, detail, now);
                return open.get();
            }
            return raise(rule, customerId, null, null, detail);
        }).toList();
    }

    /**
     * One of the customer's loans is current or settled: if all are, their days-past-due episode ends and, by
     * rule, the freeze it put on the line is lifted — unless a freeze for a bureau or fraud signal still holds,
     * which an unfreeze (it names no code) would lift too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void loanBackInOrder(UUID customerId) {
        delinquencies.lockCustomer(customerId);
        if (!delinquencies.allCurrent(customerId)) {
            return;
        }
        Instant now = clock.instant();
        List<EarlyWarning> open = warnings.openFor(customerId);
        boolean signalFreezeHolds = open.stream().anyMatch(w -> !w.onDaysPastDue() && w.freezeHolds());
        for (EarlyWarning warning : open) {
            if (!warning.onDaysPastDue()) {
                continue;
            }
            if (!warning.freezeHolds()) {
                warnings.moveTo(warning.id(), EarlyWarning.LIFTED.equals(warning.state()) ? warning.state() : EarlyWarning.ENDED,
                        false, now);
                warnings.act(warning.id(), "ENDED", null, "all loans current or settled", now);
            } else if (!properties.unfreezeWhenCurrent()) {
                warnings.moveTo(warning.id(), warning.state(), false, now);
                warnings.act(warning.id(), "UNFREEZE_WITHHELD", null,
                        "all loans current or settled; unfreezing when current is switched off (unfreeze-when-current)", now);
            } else if (signalFreezeHolds) {
                warnings.moveTo(warning.id(), warning.state(), false, now);
                warnings.act(warning.id(), "UNFREEZE_WITHHELD", null,
                        "all loans current or settled, but a freeze for a risk signal holds; ops decide on that one", now);
            } else {
                String requestId = warning.unfreezeRequestId();
                outbox.publish(Topics.LIMIT_COMMANDS, customerId.toString(), UnfreezeCreditLine.TYPE, new UnfreezeCreditLine(
                        requestId, customerId, "all loans current or settled again (rule " + warning.ruleCode() + ")",
                        CollectionServiceApplication.NAME));
                warnings.moveTo(warning.id(), EarlyWarning.UNFREEZE_SENT, false, now);
                warnings.act(warning.id(), "UNFREEZE_SENT", requestId, "all loans current or settled again", now);
            }
        }
    }

    private EarlyWarning raise(EarlyWarningRule rule, UUID customerId, Integer daysPastDue, UUID loanId, String detail) {
        Instant now = clock.instant();
        int episode = warnings.nextEpisode(customerId, rule.code());
        String requestId = EarlyWarning.requestIdOf(customerId, rule.code(), episode);
        EarlyWarning warning = new EarlyWarning(UUID.randomUUID(), customerId, rule.code(), episode, rule.triggerKind(),
                rule.action(), rule.limitCode(), daysPastDue, loanId, detail, EarlyWarning.SENT, true, requestId, now);
        warnings.add(warning);
        warnings.act(warning.id(), "RAISED", null, detail, now);
        String reason = "early warning " + rule.code() + ": " + detail;
        if (rule.freezes()) {
            outbox.publish(Topics.LIMIT_COMMANDS, customerId.toString(), FreezeCreditLine.TYPE, new FreezeCreditLine(
                    requestId, customerId, rule.limitCode(), reason, CollectionServiceApplication.NAME));
            warnings.act(warning.id(), "FREEZE_SENT", requestId, rule.limitCode(), now);
        } else {
            outbox.publish(Topics.LIMIT_COMMANDS, customerId.toString(), LowerCreditLine.TYPE, new LowerCreditLine(
                    requestId, customerId, TO_OCCUPIED, rule.limitCode(), reason, CollectionServiceApplication.NAME));
            warnings.act(warning.id(), "LOWER_SENT", requestId, "to what is occupied", now);
        }
        log.info("early warning {} raised for customer {} (episode {}): {}", rule.code(), customerId, episode, detail);
        return warning;
    }
}
