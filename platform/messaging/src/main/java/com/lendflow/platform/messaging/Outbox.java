package com.lendflow.platform.messaging;

import com.lendflow.contracts.MessageType;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an outgoing message in the service's own database, inside the caller's transaction.
 * The message leaves for Kafka only if that transaction commits, and it leaves even if the
 * process dies right after the commit: the relay finds it on the next start.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EnvelopeCodec codec;
    private final Clock clock;
    private final Runnable wakeRelay;

    public Outbox(JdbcClient jdbc, EnvelopeCodec codec, Clock clock, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
    }

    /**
     * Adds a message to the outbox. Must run inside the transaction that makes the change the
     * message announces.
     *
     * @return the message's id
     */
    public <T extends Record> UUID publish(String topic, String aggregateId, MessageType<T> type, T payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the change it announces");
        }
        UUID id = UUID.randomUUID();
        Envelope envelope = codec.wrap(type, aggregateId, payload, id, MessageContext.correlationIdOrNew(),
                MessageContext.causationId(), clock.instant());
        jdbc.sql("""
                insert into messaging.outbox (message_id, topic, message_key, message_type, envelope)
                values (:id, :topic, :key, :type, :envelope)
                """)
                .param("id", id)
                .param("topic", topic)
                .param("key", aggregateId)
                .param("type", type.name())
                .param("envelope", codec.encode(envelope))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
        return id;
    }
}
