package com.lendflow.creditdecision;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays loan-order-service's side of the decision step: sends commands, reads replies. */
public record CreditLineSaga(EnvelopeCodec codec) {

    public Envelope command(AssessCreditRisk assess) {
        return codec.wrap(AssessCreditRisk.TYPE, assess.applicationId().toString(), assess, UUID.randomUUID(),
                assess.applicationId(), null, Instant.now());
    }

    public Envelope send(AssessCreditRisk assess) {
        return send(command(assess));
    }

    public Envelope send(Envelope command) {
        KafkaProbe.send(Topics.CREDIT_DECISION_COMMANDS, command.aggregateId(), codec.encode(command));
        return command;
    }

    /** The next reply for the application that is not one of {@code seen}. */
    public Envelope reply(UUID applicationId, Set<UUID> seen) {
        ConsumerRecord<String, String> record = KafkaProbe.first(Topics.CREDIT_DECISION_DECISION,
                r -> r.key().equals(applicationId.toString()) && !seen.contains(codec.decode(r.value()).id()),
                Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError("no reply for application " + applicationId));
        return codec.decode(record.value());
    }

    public Envelope reply(UUID applicationId) {
        return reply(applicationId, Set.of());
    }
}
