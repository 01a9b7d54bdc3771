package com.lendflow.platform.messaging;

import com.lendflow.contracts.MessageType;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles each message at most once per consumer. The message id is recorded in the same
 * transaction as the handler's effect: if the handler fails, neither is kept and the message is
 * retried; if it succeeds, a redelivery finds the id and changes nothing.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EnvelopeCodec codec;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
    }

    /**
     * Hands {@code record} to {@code handler} if it is a {@code type} message this consumer has not
     * handled yet. Messages of other types on the same topic are skipped.
     *
     * @return true if the handler ran, false for a duplicate or a message of another type
     */
    public <T extends Record> boolean receive(ConsumerRecord<String, String> record, String consumer,
                                              MessageType<T> type, BiConsumer<Envelope, T> handler) {
        if (record.value() == null) {
            throw new MalformedMessageException("record at %s-%d@%d has no value"
                    .formatted(record.topic(), record.partition(), record.offset()));
        }
        Envelope envelope = codec.decode(record.value());
        if (!type.name().equals(envelope.type())) {
            return false;
        }
        T payload = codec.payloadOf(envelope, type);
        boolean[] handled = {false};
        MessageContext.within(envelope, () -> transactions.executeWithoutResult(status -> {
            int inserted = jdbc.sql("""
                    insert into messaging.inbox (consumer, message_id, message_type)
                    values (?, ?, ?)
                    on conflict do nothing
                    """)
                    .param(consumer)
                    .param(envelope.id())
                    .param(envelope.type())
                    .update();
            if (inserted == 0) {
                log.info("{} {} already handled by {}, ignoring the redelivery", envelope.type(), envelope.id(), consumer);
                return;
            }
            handler.accept(envelope, payload);
            handled[0] = true;
        }));
        return handled[0];
    }
}
