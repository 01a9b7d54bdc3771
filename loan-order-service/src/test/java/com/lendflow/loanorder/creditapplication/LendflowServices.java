package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.MessageType;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.loanorder.KafkaLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Plays the services the saga drives (esign, antifraud, credit-decision, limit) the way they
 * really talk: reads the saga's commands off their command topics and publishes replies on
 * their reply topics, in Lendflow envelopes keyed by application id.
 */
record LendflowServices(EnvelopeCodec codec) {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** The first {@code type} command on {@code topic} for the application that is not one of {@code seen}. */
    <T extends Record> Received<T> command(String topic, MessageType<T> type, UUID applicationId, Set<UUID> seen) {
        Envelope envelope = KafkaLog.first(topic, record -> {
                    if (!applicationId.toString().equals(record.key())) {
                        return false;
                    }
                    Envelope candidate = codec.decode(record.value());
                    return candidate.type().equals(type.name()) && !seen.contains(candidate.id());
                }, WAIT)
                .map(record -> codec.decode(record.value()))
                .orElseThrow(() -> new AssertionError("no " + type.name() + " for application " + applicationId + " on " + topic));
        return new Received<>(envelope, codec.payloadOf(envelope, type));
    }

    <T extends Record> Received<T> command(String topic, MessageType<T> type, UUID applicationId) {
        return command(topic, type, applicationId, Set.of());
    }

    /** Publishes a reply as the owning service would: a new message id, correlated to the application. */
    <T extends Record> Envelope reply(String topic, UUID applicationId, MessageType<T> type, T payload) {
        Envelope envelope = codec.wrap(type, applicationId.toString(), payload, UUID.randomUUID(), applicationId, null,
                Instant.now());
        redeliver(topic, envelope);
        return envelope;
    }

    /** Sends {@code envelope} again, byte for byte: what Kafka does after a consumer crash. */
    void redeliver(String topic, Envelope envelope) {
        KafkaLog.send(topic, envelope.aggregateId(), codec.encode(envelope));
    }

    record Received<T>(Envelope envelope, T payload) {
    }
}
