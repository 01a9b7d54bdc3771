package com.lendflow.antifraud;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.Inbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every command to antifraud-service ({@code AssessFraudRisk}, {@code AssessDrawdownRisk}) through
 * one consumer, dispatched by type to its {@link CommandHandler}: a redelivered message changes
 * nothing, and each command of one aggregate is handled in the order it was sent.
 */
@Component
class AntifraudCommands {

    /**
     * The consumer (group and inbox name) kept from when this topic carried only AssessFraudRisk:
     * renaming it would lose the group's offsets and the inbox's memory of handled messages.
     */
    static final String CONSUMER = "antifraud-service.assess-fraud-risk";

    private static final Logger log = LoggerFactory.getLogger(AntifraudCommands.class);

    private final Inbox inbox;
    private final List<CommandHandler<?>> handlers;

    AntifraudCommands(Inbox inbox, List<CommandHandler<?>> handlers) {
        this.inbox = inbox;
        this.handlers = List.copyOf(handlers);
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ANTIFRAUD_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        for (CommandHandler<?> handler : handlers) {
            if (receive(record, handler)) {
                return;
            }
        }
        log.debug("record {}-{}@{} was handled before or is not a command antifraud-service takes", record.topic(),
                record.partition(), record.offset());
    }

    private <T extends Record> boolean receive(ConsumerRecord<String, String> record, CommandHandler<T> handler) {
        return inbox.receive(record, CONSUMER, handler.type(), handler::handle);
    }
}
