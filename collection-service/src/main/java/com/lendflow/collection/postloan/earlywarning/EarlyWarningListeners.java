package com.lendflow.collection.postloan.earlywarning;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the early warnings listen to, each through the inbox (a redelivered message changes nothing): the
 * ledger's loan facts (overdue, bucket changes, settlement), end of day's new business date, and
 * limit-service's answers to the commands sent.
 */
@Component
class EarlyWarningListeners {

    static final String LEDGER_CONSUMER = "collection-service.early-warning.ledger";
    static final String BUSINESS_DAY_CONSUMER = "collection-service.early-warning.business-day";
    static final String CREDIT_LINE_CONSUMER = "collection-service.early-warning.credit-line";

    private static final Logger log = LoggerFactory.getLogger(EarlyWarningListeners.class);

    private final Inbox inbox;
    private final EarlyWarningEngine engine;
    private final Delinquencies delinquencies;
    private final CreditLineAnswers answers;
    private final Clock clock;

    EarlyWarningListeners(Inbox inbox, EarlyWarningEngine engine, Delinquencies delinquencies, CreditLineAnswers answers,
                          Clock clock) {
        this.inbox = inbox;
        this.engine = engine;
        this.delinquencies = delinquencies;
        this.answers = answers;
        this.clock = clock;
    }

    @KafkaListener(id = LEDGER_CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void onLoan(ConsumerRecord<String, String> record) {
        boolean handled = receive(record, LEDGER_CONSUMER, LoanOverdue.TYPE, (envelope, overdue) -> {
            require(overdue.loanId() != null && overdue.customerId() != null && overdue.dueDate() != null
                    && overdue.overdueOn() != null, envelope);
            delinquencies.overdueSince(overdue.loanId(), overdue.customerId(), overdue.dueDate(), clock.instant());
            engine.judgeDaysPastDue(overdue.customerId(), overdue.loanId(), overdue.overdueOn());
        }) || receive(record, LEDGER_CONSUMER, LoanBucketChanged.TYPE, (envelope, moved) -> {
            require(moved.loanId() != null && moved.customerId() != null && moved.businessDate() != null, envelope);
            delinquencies.daysPastDue(moved.loanId(), moved.customerId(), moved.daysPastDue(), moved.businessDate(),
                    clock.instant());
            if (moved.daysPastDue() > 0) {
                engine.judgeDaysPastDue(moved.customerId(), moved.loanId(), moved.businessDate());
            } else {
                engine.loanBackInOrder(moved.customerId());
            }
        }) || receive(record, LEDGER_CONSUMER, LoanSettled.TYPE, (envelope, settled) -> {
            require(settled.loanId() != null && settled.customerId() != null, envelope);
            if (delinquencies.settled(settled.loanId(), clock.instant())) {
                engine.loanBackInOrder(settled.customerId());
            }
        }) || receive(record, LEDGER_CONSUMER, RepaymentApplied.TYPE, (envelope, applied) -> {
            if (applied.settled() && applied.loanId() != null && applied.customerId() != null
                    && delinquencies.settled(applied.loanId(), clock.instant())) {
                engine.loanBackInOrder(applied.customerId());
            }
        });
        if (!handled) {
            log.debug("record {}-{}@{} was handled before or is not a loan fact early warnings use", record.topic(),
                    record.partition(), record.offset());
        }
    }

    @KafkaListener(id = BUSINESS_DAY_CONSUMER, topics = Topics.CORE_LEDGER_BUSINESS_DAY)
    void onBusinessDay(ConsumerRecord<String, String> record) {
        receive(record, BUSINESS_DAY_CONSUMER, BusinessDateChanged.TYPE, (envelope, changed) -> {
            require(changed.businessDate() != null, envelope);
            int judged = engine.judgeBusinessDate(changed.businessDate());
            log.info("business date {}: {} customers crossed an early-warning threshold", changed.businessDate(), judged);
        });
    }

    @KafkaListener(id = CREDIT_LINE_CONSUMER, topics = Topics.LIMIT_CREDIT_LINE)
    void onCreditLine(ConsumerRecord<String, String> record) {
        if (!receive(record, CREDIT_LINE_CONSUMER, CreditLineFrozen.TYPE, (envelope, frozen) -> answers.frozen(frozen))
                && !receive(record, CREDIT_LINE_CONSUMER, CreditLineLowered.TYPE, (envelope, lowered) -> answers.lowered(lowered))
                && !receive(record, CREDIT_LINE_CONSUMER, CreditLineUnfrozen.TYPE, (envelope, unfrozen) -> answers.unfrozen(unfrozen))) {
            log.debug("record {}-{}@{} was handled before or is not an answer early warnings wait for", record.topic(),
                    record.partition(), record.offset());
        }
    }

    private <T extends Record> boolean receive(ConsumerRecord<String, String> record, String consumer, MessageType<T> type,
                                               BiConsumer<Envelope, T> handler) {
        return inbox.receive(record, consumer, type, handler);
    }

    private static void require(boolean usable, Envelope envelope) {
        if (!usable) {
            // Retrying cannot make it usable: straight to the dead-letter topic.
            throw new MalformedMessageException(envelope.type() + " " + envelope.id() + " lacks the loan, customer or date");
        }
    }
}
