package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Freeze, unfreeze and lower commands (collection's early warnings, antifraud), through the inbox.
 * The saga's commands on the same topic are skipped here. A command that cannot be carried out
 * as sent goes straight to the dead-letter topic with the reason: retrying cannot fix it.
 */
@Component
class CreditLineRequestOnCommand {

    static final String CONSUMER = "limit-service.credit-line-request";

    private final Inbox inbox;
    private final CreditLineRequestHandler handler;

    CreditLineRequestOnCommand(Inbox inbox, CreditLineRequestHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LIMIT_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        if (inbox.receive(record, CONSUMER, FreezeCreditLine.TYPE, (envelope, command) -> run(() -> handler.handle(command)))) {
            return;
        }
        if (inbox.receive(record, CONSUMER, UnfreezeCreditLine.TYPE, (envelope, command) -> run(() -> handler.handle(command)))) {
            return;
        }
        inbox.receive(record, CONSUMER, LowerCreditLine.TYPE, (envelope, command) -> run(() -> handler.handle(command)));
    }

    private static void run(Runnable handling) {
        try {
            handling.run();
        } catch (CreditLineRequestRefused refused) {
            throw new MalformedMessageException(refused.field() + ": " + refused.getMessage());
        }
    }
}
