package com.lendflow.funding.reservation;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.funding.ConfirmFunding;
import com.lendflow.contracts.funding.ReleaseFunding;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Commands from the drawdown saga, through the inbox: each command's effect and its reply commit
 * together with the message id. The topic carries three types; each is handed to its handler.
 */
@Component
class FundingCommandListener {

    static final String CONSUMER = "funding-service.commands";

    private final Inbox inbox;
    private final ReserveFundingHandler reserve;
    private final SettleFundingHandlers settle;

    FundingCommandListener(Inbox inbox, ReserveFundingHandler reserve, SettleFundingHandlers settle) {
        this.inbox = inbox;
        this.reserve = reserve;
        this.settle = settle;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.FUNDING_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        // Each call skips a message of another type, so exactly one of them can act.
        inbox.receive(record, CONSUMER, ReserveFunding.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            reserve.handle(command);
        });
        inbox.receive(record, CONSUMER, ConfirmFunding.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            settle.handle(command);
        });
        inbox.receive(record, CONSUMER, ReleaseFunding.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            settle.handle(command);
        });
    }

    private static void requireDrawdown(Envelope envelope, UUID drawdownId) {
        if (drawdownId == null) {
            // No drawdown, nobody to answer: retrying cannot help, straight to the dead-letter topic.
            throw new MalformedMessageException(envelope.type() + " " + envelope.id() + " names no drawdown");
        }
    }
}
