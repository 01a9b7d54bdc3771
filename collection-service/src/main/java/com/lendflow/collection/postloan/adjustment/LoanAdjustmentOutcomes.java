package com.lendflow.collection.postloan.adjustment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanAdjusted;
import com.lendflow.contracts.ledger.LoanAdjustmentRefused;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.security.audit.AuditActor;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * core-ledger's answers to AdjustLoan, through the inbox: LoanAdjusted makes the adjustment APPLIED with the
 * schedule version and journal entry, LoanAdjustmentRefused makes it REFUSED with the ledger's reason. An
 * answer for an adjustment already concluded, or not this service's, changes nothing.
 */
@Component
class LoanAdjustmentOutcomes {

    static final String CONSUMER = "collection-service.loan-adjustment.ledger";

    private static final Logger log = LoggerFactory.getLogger(LoanAdjustmentOutcomes.class);

    private final Inbox inbox;
    private final LoanAdjustments adjustments;
    private final AuditTrail audit;
    private final Clock clock;

    LoanAdjustmentOutcomes(Inbox inbox, LoanAdjustments adjustments, AuditTrail audit, Clock clock) {
        this.inbox = inbox;
        this.adjustments = adjustments;
        this.audit = audit;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void on(ConsumerRecord<String, String> record) {
        if (!inbox.receive(record, CONSUMER, LoanAdjusted.TYPE, (envelope, adjusted) -> conclude(adjusted.requestId(),
                        a -> a.applied(adjusted, clock.instant()), "scheduled as version " + adjusted.scheduleVersion()
                                + (adjusted.amount() == null ? "" : ", " + adjusted.amount() + " moved")
                                + (adjusted.journalEntryId() == null ? "" : " in journal entry " + adjusted.journalEntryId())))
                && !inbox.receive(record, CONSUMER, LoanAdjustmentRefused.TYPE, (envelope, refused) -> conclude(
                        refused.requestId(), a -> a.refused(refused, clock.instant()), refused.code() + ": " + refused.reason()))) {
            log.debug("record {}-{}@{} was handled before or is not an answer to an adjustment", record.topic(),
                    record.partition(), record.offset());
        }
    }

    private void conclude(String requestId, Predicate<LoanAdjustment> transition, String note) {
        Optional<LoanAdjustment> found = parse(requestId).flatMap(adjustments::lock);
        if (found.isEmpty()) {
            log.warn("the ledger answered adjustment {}, which collection-service does not know", requestId);
            return;
        }
        LoanAdjustment adjustment = found.get();
        LoanAdjustmentView before = adjustments.view(adjustment.id()).orElseThrow();
        if (!transition.test(adjustment)) {
            log.info("adjustment {} is {} already; the ledger's repeated answer changes nothing", requestId, adjustment.state());
            return;
        }
        if (!adjustments.save(adjustment)) {
            throw new IllegalStateException("adjustment " + requestId + " changed while locked");
        }
        Instant now = clock.instant();
        adjustments.step(adjustment.id(), adjustment.state(), AuditActor.SYSTEM.name(), now, note);
        audit.record(new AuditEntry("loan-adjustment." + adjustment.state().name().toLowerCase(), "loan-adjustment",
                adjustment.id().toString(), LoanAdjustmentSnapshots.of(before),
                LoanAdjustmentSnapshots.of(adjustments.view(adjustment.id()).orElseThrow()), note));
    }

    private static Optional<UUID> parse(String requestId) {
        try {
            return Optional.ofNullable(requestId).map(UUID::fromString);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
