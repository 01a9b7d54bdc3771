package com.lendflow.collection.casework;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * core-ledger's loan facts, read by one consumer so a loan's facts are handled in the order they
 * were published (the record key is the loan id). Other types on the topic are skipped.
 */
@Component
class LoanFacts {

    static final String CONSUMER = "collection-service.loan-facts";

    private final Inbox inbox;
    private final CaseBook book;

    LoanFacts(Inbox inbox, CaseBook book) {
        this.inbox = inbox;
        this.book = book;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void on(ConsumerRecord<String, String> record) {
        boolean handled = inbox.receive(record, CONSUMER, LoanOverdue.TYPE, (envelope, fact) -> book.overdue(fact))
                || inbox.receive(record, CONSUMER, LoanBucketChanged.TYPE, (envelope, fact) -> book.bucketChanged(fact))
                || inbox.receive(record, CONSUMER, LoanSettled.TYPE, (envelope, fact) -> book.settled(fact))
                || inbox.receive(record, CONSUMER, RepaymentApplied.TYPE, (envelope, fact) -> book.repaymentApplied(fact));
    }
}
