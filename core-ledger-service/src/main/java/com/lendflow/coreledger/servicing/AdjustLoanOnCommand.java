package com.lendflow.coreledger.servicing;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.AdjustLoan;
import com.lendflow.platform.messaging.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * AdjustLoan commands from collection-service. The inbox drops a redelivered message; the request
 * id makes the adjustment itself happen once however often it is sent ({@link AdjustLoans}).
 */
@Component
class AdjustLoanOnCommand {

    static final String CONSUMER = "core-ledger-service.adjust-loan";

    private final Inbox inbox;
    private final AdjustLoans adjust;

    AdjustLoanOnCommand(Inbox inbox, AdjustLoans adjust) {
        this.inbox = inbox;
        this.adjust = adjust;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_COMMANDS)
    void onCommand(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, AdjustLoan.TYPE, (envelope, command) -> adjust.handle(command));
    }
}
