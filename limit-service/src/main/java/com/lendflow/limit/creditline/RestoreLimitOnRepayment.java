package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.ledger.RepaymentUnapplied;
import com.lendflow.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Core-ledger's repayments and their reversals, through the inbox; the ledger's other loan events
 * on the topic are skipped. Once per message id here, once per repayment id in the handler.
 */
@Component
class RestoreLimitOnRepayment {

    static final String CONSUMER = "limit-service.restore-limit";

    private final Inbox inbox;
    private final RestoreLimitHandler handler;

    RestoreLimitOnRepayment(Inbox inbox, RestoreLimitHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_LOAN)
    void on(ConsumerRecord<String, String> record) {
        if (inbox.receive(record, CONSUMER, RepaymentApplied.TYPE, (envelope, applied) -> handler.handle(applied))) {
            return;
        }
        inbox.receive(record, CONSUMER, RepaymentUnapplied.TYPE, (envelope, unapplied) -> handler.handle(unapplied));
    }
}
