package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code GrantCreditLine} commands from the credit-line saga, through the inbox: the grant, its
 * history row and the reply commit together with the message id.
 */
@Component
class GrantCreditLineOnCommand {

    static final String CONSUMER = "limit-service.grant-credit-line";

    private final Inbox inbox;
    private final GrantCreditLineHandler handler;

    GrantCreditLineOnCommand(Inbox inbox, GrantCreditLineHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LIMIT_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, GrantCreditLine.TYPE, (envelope, command) -> {
            if (command.applicationId() == null) {
                // No application, nobody to answer: retrying cannot help, straight to the dead-letter topic.
                throw new MalformedMessageException("GrantCreditLine " + envelope.id() + " names no application");
            }
            handler.handle(command);
        });
    }
}
