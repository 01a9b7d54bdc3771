package com.lendflow.creditdecision;

import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MessageContext;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every command to credit-decision-service ({@code AssessCreditRisk}, {@code DecideDrawdown})
 * through one consumer, dispatched by type. The inbox records the command in the transaction of
 * step 1 (which answers it when no bureau query is needed); the bureau is asked after that
 * commits. A command the inbox has seen comes back only when the listener did not finish (a crash
 * while the bureau was asked), so a redelivery resumes a command still unanswered and changes
 * nothing for one already decided.
 */
@Component
class CreditDecisionCommands {

    /**
     * The consumer (group and inbox name) kept from when this topic carried only AssessCreditRisk:
     * renaming it would lose the group's offsets and the inbox's memory of handled messages.
     */
    static final String CONSUMER = "credit-decision-service.assess-credit-risk";

    private static final Logger log = LoggerFactory.getLogger(CreditDecisionCommands.class);

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final List<BureauBoundCommand<?>> commands;

    CreditDecisionCommands(Inbox inbox, EnvelopeCodec codec, List<BureauBoundCommand<?>> commands) {
        this.inbox = inbox;
        this.codec = codec;
        this.commands = List.copyOf(commands);
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CREDIT_DECISION_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        for (BureauBoundCommand<?> command : commands) {
            if (handle(record, command)) {
                return;
            }
        }
        log.debug("record {}-{}@{} is not a command credit-decision-service takes", record.topic(), record.partition(),
                record.offset());
    }

    /** False when the record is not a {@code steps.type()} command. */
    private <T extends Record> boolean handle(ConsumerRecord<String, String> record, BureauBoundCommand<T> steps) {
        List<T> command = new java.util.ArrayList<>(1);
        Envelope[] received = new Envelope[1];
        boolean[] askBureau = {false};
        boolean handled = inbox.receive(record, CONSUMER, steps.type(), (envelope, payload) -> {
            steps.refuseIfMalformed(envelope, payload);
            received[0] = envelope;
            command.add(payload);
            askBureau[0] = steps.begin(payload);
        });
        if (!handled) {
            Envelope envelope = codec.decode(record.value());
            if (!steps.type().name().equals(envelope.type())) {
                return false;
            }
            received[0] = envelope;
            command.add(codec.payloadOf(envelope, steps.type()));
            askBureau[0] = within(envelope, () -> steps.unfinished(command.getFirst()));
        }
        if (askBureau[0]) {
            within(received[0], () -> {
                steps.queryAndDecide(command.getFirst());
                return true;
            });
        }
        return true;
    }

    /**
     * Runs {@code work} as the handling of {@code envelope}, as the inbox does for its own
     * transaction, so a reply published after the bureau answered carries the saga's correlation
     * id and names the command as its cause.
     */
    private static boolean within(Envelope envelope, Supplier<Boolean> work) {
        String correlation = MDC.get(MessageContext.CORRELATION_ID);
        String causation = MDC.get(MessageContext.CAUSATION_ID);
        MDC.put(MessageContext.CORRELATION_ID, envelope.correlationId().toString());
        MDC.put(MessageContext.CAUSATION_ID, envelope.id().toString());
        try {
            return work.get();
        } finally {
            restore(MessageContext.CORRELATION_ID, correlation);
            restore(MessageContext.CAUSATION_ID, causation);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
