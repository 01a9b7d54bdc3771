package com.lendflow.creditdecision.decision;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import com.lendflow.platform.messaging.MessageContext;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code AssessCreditRisk} commands from the credit-line saga. The inbox records the command in
 * the transaction of step 1 (which answers it when no bureau query is needed); the bureau is asked
 * after that commits. A command the inbox has seen comes back only when the listener did not
 * finish (a crash while the bureau was asked), so a redelivery resumes an application still
 * undecided and changes nothing for one already decided.
 */
@Component
class AssessCreditRiskListener {

    static final String CONSUMER = "credit-decision-service.assess-credit-risk";

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final AssessCreditRiskHandler handler;

    AssessCreditRiskListener(Inbox inbox, EnvelopeCodec codec, AssessCreditRiskHandler handler) {
        this.inbox = inbox;
        this.codec = codec;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CREDIT_DECISION_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        AssessCreditRisk[] command = new AssessCreditRisk[1];
        Envelope[] received = new Envelope[1];
        boolean[] askBureau = {false};
        boolean handled = inbox.receive(record, CONSUMER, AssessCreditRisk.TYPE, (envelope, assess) -> {
            refuseIfMalformed(envelope, assess);
            received[0] = envelope;
            command[0] = assess;
            askBureau[0] = handler.begin(assess);
        });
        if (!handled) {
            Envelope envelope = codec.decode(record.value());
            if (!AssessCreditRisk.TYPE.name().equals(envelope.type())) {
                return;
            }
            received[0] = envelope;
            command[0] = codec.payloadOf(envelope, AssessCreditRisk.TYPE);
            askBureau[0] = within(envelope, () -> handler.unfinished(command[0]));
        }
        if (askBureau[0]) {
            within(received[0], () -> {
                handler.queryAndDecide(command[0]);
                return true;
            });
        }
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

    private static void refuseIfMalformed(Envelope envelope, AssessCreditRisk command) {
        if (command.applicationId() == null || command.customerId() == null) {
            // Retrying cannot add what is missing: straight to the dead-letter topic.
            throw new MalformedMessageException("AssessCreditRisk " + envelope.id() + " lacks an application or customer id");
        }
    }
}
