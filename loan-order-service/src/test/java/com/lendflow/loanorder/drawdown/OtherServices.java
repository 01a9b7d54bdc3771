package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.MessageType;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.loanorder.KafkaLog;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Plays the services the sagas drive over Kafka: reads their commands, publishes their replies. */
record OtherServices(EnvelopeCodec codec, JdbcClient jdbc) {

    static final Duration WAIT = Duration.ofSeconds(20);

    <T extends Record> Received<T> command(String topic, MessageType<T> type, UUID id, Set<UUID> seen) {
        Envelope envelope = KafkaLog.first(topic, record -> {
                    if (!id.toString().equals(record.key())) {
                        return false;
                    }
                    Envelope candidate = codec.decode(record.value());
                    return candidate.type().equals(type.name()) && !seen.contains(candidate.id());
                }, WAIT)
                .map(record -> codec.decode(record.value()))
                .orElseThrow(() -> new AssertionError("no " + type.name() + " for " + id + " on " + topic));
        return new Received<>(envelope, codec.payloadOf(envelope, type));
    }

    <T extends Record> T command(String topic, MessageType<T> type, UUID id) {
        return command(topic, type, id, Set.of()).payload();
    }

    /**
     * The types of every message keyed by {@code id} on {@code topic}, in order: all the service has
     * sent, since its outbox holds nothing unpublished, and the topic is read to its end after that.
     */
    List<String> typesOn(String topic, UUID id) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select count(*) from messaging.outbox where published_at is null").query(Long.class).single() == 0);
        return KafkaLog.upToNow(topic).stream()
                .filter(record -> id.toString().equals(record.key()))
                .map(record -> codec.decode(record.value()).type()).toList();
    }

    <T extends Record> Envelope reply(String topic, UUID id, MessageType<T> type, T payload) {
        Envelope envelope = codec.wrap(type, id.toString(), payload, UUID.randomUUID(), id, null, Instant.now());
        redeliver(topic, envelope);
        return envelope;
    }

    void redeliver(String topic, Envelope envelope) {
        KafkaLog.send(topic, envelope.aggregateId(), codec.encode(envelope));
    }

    record Received<T>(Envelope envelope, T payload) {
    }
}
