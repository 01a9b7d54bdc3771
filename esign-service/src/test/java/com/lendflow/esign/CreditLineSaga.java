package com.lendflow.esign;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays loan-order-service's side of the signing step: sends commands, reads replies. */
public record CreditLineSaga(EnvelopeCodec codec) {

    public Envelope command(SignAuthorisation sign) {
        return codec.wrap(SignAuthorisation.TYPE, sign.applicationId().toString(), sign, UUID.randomUUID(),
                sign.applicationId(), null, Instant.now());
    }

    public Envelope send(SignAuthorisation sign) {
        return send(command(sign));
    }

    public Envelope send(Envelope command) {
        KafkaProbe.send(Topics.ESIGN_COMMANDS, command.aggregateId(), codec.encode(command));
        return command;
    }

    /** The next reply for the application that is not one of {@code seen}. */
    public Envelope reply(UUID applicationId, Set<UUID> seen) {
        ConsumerRecord<String, String> record = KafkaProbe.first(Topics.ESIGN_DOCUMENT,
                r -> r.key().equals(applicationId.toString()) && !seen.contains(codec.decode(r.value()).id()),
                Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError("no reply for application " + applicationId));
        return codec.decode(record.value());
    }

    public Envelope reply(UUID applicationId) {
        return reply(applicationId, Set.of());
    }
}
