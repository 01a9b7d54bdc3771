package com.lendflow.payment.disbursement;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.Disburse;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code Disburse} commands from the drawdown saga, through the inbox: the recorded payout (or
 * its refusal) and the reply commit together with the message id.
 */
@Component
class DisburseOnCommand {

    static final String CONSUMER = "payment-service.disburse";

    private final Inbox inbox;
    private final DisburseHandler handler;

    DisburseOnCommand(Inbox inbox, DisburseHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PAYMENT_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, Disburse.TYPE, (envelope, command) -> {
            if (command.drawdownId() == null || command.customerId() == null || command.cardId() == null) {
                // Nobody to answer, or nothing to pay to: retrying cannot help, straight to the dead-letter topic.
                throw new MalformedMessageException("Disburse " + envelope.id() + " names no drawdown, customer or card");
            }
            handler.handle(command);
        });
    }
}
