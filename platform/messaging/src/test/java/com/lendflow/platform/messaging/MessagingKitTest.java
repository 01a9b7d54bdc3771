package com.lendflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lendflow.platform.messaging.MessagingTestApplication.ThingHappened;
import com.lendflow.platform.messaging.MessagingTestApplication.ThingListener;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = MessagingTestApplication.class)
@RealInfrastructure(database = "lendflow_messaging_test")
class MessagingKitTest {

    @Autowired Outbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired Inbox inbox;
    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired MessagingProperties properties;
    @Autowired ThingListener listener;

    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        transaction = new TransactionTemplate(transactionManager);
        jdbc.sql("create table if not exists handled_thing (message_id uuid primary key, thing_id text not null)").update();
        // Earlier tests may leave messages behind; every test starts with an empty outbox.
        while (relay.publishBatch() > 0) {
            // drain
        }
    }

    @Test
    void aMessageCommittedBeforeACrashIsPublishedOnceAfterRestart() {
        String thing = "thing-" + UUID.randomUUID();
        UUID messageId = transaction.execute(status -> {
            jdbc.sql("insert into handled_thing (message_id, thing_id) values (?, ?)").param(UUID.randomUUID()).param(thing).update();
            return outbox.publish(MessagingTestApplication.TOPIC, thing, ThingHappened.TYPE, new ThingHappened(thing, 1));
        });
        // The process "dies" here: the change and the message are committed, nothing was sent.
        assertThat(unpublished(messageId)).isTrue();

        // A fresh relay, as after a restart, finds and sends it.
        OutboxRelay restarted = new OutboxRelay(jdbc, transaction, kafka, properties.relay());
        assertThat(restarted.publishBatch()).isEqualTo(1);
        assertThat(restarted.publishBatch()).isZero();
        assertThat(unpublished(messageId)).isFalse();

        List<ConsumerRecord<String, String>> onTopic = recordsFor(MessagingTestApplication.TOPIC, thing, 1);
        assertThat(onTopic).hasSize(1);
        ConsumerRecord<String, String> record = onTopic.getFirst();
        assertThat(record.key()).isEqualTo(thing);
        Envelope envelope = codec.decode(record.value());
        assertThat(envelope.id()).isEqualTo(messageId);
        assertThat(envelope.type()).isEqualTo("ThingHappened");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.aggregateId()).isEqualTo(thing);
        assertThat(codec.payloadOf(envelope, ThingHappened.TYPE)).isEqualTo(new ThingHappened(thing, 1));
        assertThat(header(record, "lendflow-message-id")).isEqualTo(messageId.toString());
    }

    @Test
    void housekeepingDeletesOnlyWhatIsPublishedAndPastRetention() {
        String thing = "thing-" + UUID.randomUUID();
        UUID old = transaction.execute(status -> outbox.publish(MessagingTestApplication.TOPIC, thing, ThingHappened.TYPE,
                new ThingHappened(thing, 1)));
        UUID fresh = transaction.execute(status -> outbox.publish(MessagingTestApplication.TOPIC, thing, ThingHappened.TYPE,
                new ThingHappened(thing, 2)));
        UUID stuck = transaction.execute(status -> outbox.publish(MessagingTestApplication.TOPIC, "stuck-" + thing,
                ThingHappened.TYPE, new ThingHappened(thing, 3)));
        relay.publishBatch();
        jdbc.sql("update messaging.outbox set published_at = now() - interval '8 days' where message_id = ?").param(old).update();
        // Never published and very old: it must stay until it is sent.
        jdbc.sql("update messaging.outbox set published_at = null, created_at = now() - interval '60 days' where message_id = ?")
                .param(stuck).update();
        UUID oldInbox = UUID.randomUUID();
        jdbc.sql("insert into messaging.inbox (consumer, message_id, message_type, received_at) values ('c', ?, 't', now() - interval '31 days')")
                .param(oldInbox).update();

        relay.housekeep();

        assertThat(exists("messaging.outbox", old)).isFalse();
        assertThat(exists("messaging.outbox", fresh)).isTrue();
        assertThat(exists("messaging.outbox", stuck)).isTrue();
        assertThat(exists("messaging.inbox", oldInbox)).isFalse();
        relay.publishBatch();
    }

    private boolean exists(String table, UUID messageId) {
        return jdbc.sql("select count(*) from " + table + " where message_id = ?").param(messageId).query(Long.class).single() > 0;
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String thing = "thing-" + UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.publish(MessagingTestApplication.TOPIC, thing, ThingHappened.TYPE, new ThingHappened(thing, 1));
            throw new IllegalStateException("the business change failed");
        })).hasMessageContaining("business change failed");

        assertThat(jdbc.sql("select count(*) from messaging.outbox where message_key = ?").param(thing)
                .query(Long.class).single()).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(MessagingTestApplication.TOPIC, "x", ThingHappened.TYPE, new ThingHappened("x", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void oneAggregatesMessagesKeepTheirOrder() {
        String thing = "thing-" + UUID.randomUUID();
        for (int sequence = 1; sequence <= 40; sequence++) {
            int current = sequence;
            transaction.executeWithoutResult(status -> outbox.publish(MessagingTestApplication.TOPIC, thing,
                    ThingHappened.TYPE, new ThingHappened(thing, current)));
        }
        while (relay.publishBatch() > 0) {
            // drain in batches
        }
        List<Integer> sequences = recordsFor(MessagingTestApplication.TOPIC, thing, 40).stream()
                .map(record -> codec.payloadOf(codec.decode(record.value()), ThingHappened.TYPE).sequence())
                .toList();
        assertThat(sequences).hasSize(40).isSorted();
        assertThat(sequences.getFirst()).isEqualTo(1);
        assertThat(sequences.getLast()).isEqualTo(40);
    }

    @Test
    void theMessageIdCarriesTheCorrelationOfTheRequestThatCausedIt() {
        String thing = "thing-" + UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        org.slf4j.MDC.put(MessageContext.CORRELATION_ID, correlation.toString());
        try {
            transaction.executeWithoutResult(status -> outbox.publish(MessagingTestApplication.TOPIC, thing,
                    ThingHappened.TYPE, new ThingHappened(thing, 1)));
        } finally {
            org.slf4j.MDC.remove(MessageContext.CORRELATION_ID);
        }
        relay.publishBatch();
        Envelope envelope = codec.decode(recordsFor(MessagingTestApplication.TOPIC, thing, 1).getFirst().value());
        assertThat(envelope.correlationId()).isEqualTo(correlation);
        assertThat(envelope.causationId()).isNull();
    }

    @Test
    void aRedeliveredMessageHasNoSecondEffect() {
        String thing = "thing-" + UUID.randomUUID();
        Envelope envelope = codec.wrap(ThingHappened.TYPE, thing, new ThingHappened(thing, 1), UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
        ConsumerRecord<String, String> record = new ConsumerRecord<>(MessagingTestApplication.LISTENED_TOPIC, 0, 0L,
                thing, codec.encode(envelope));
        List<String> effects = new ArrayList<>();

        boolean first = inbox.receive(record, "messaging-test.direct", ThingHappened.TYPE, (e, t) -> effects.add(t.thingId()));
        boolean second = inbox.receive(record, "messaging-test.direct", ThingHappened.TYPE, (e, t) -> effects.add(t.thingId()));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).containsExactly(thing);
    }

    @Test
    void aDuplicateDeliveredThroughKafkaIsHandledOnce() {
        String thing = "thing-" + UUID.randomUUID();
        Envelope envelope = codec.wrap(ThingHappened.TYPE, thing, new ThingHappened(thing, 1), UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
        KafkaProbe.send(MessagingTestApplication.LISTENED_TOPIC, thing, codec.encode(envelope));
        KafkaProbe.send(MessagingTestApplication.LISTENED_TOPIC, thing, codec.encode(envelope));
        String marker = "marker-" + UUID.randomUUID();
        Envelope after = codec.wrap(ThingHappened.TYPE, thing, new ThingHappened(marker, 2), UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
        KafkaProbe.send(MessagingTestApplication.LISTENED_TOPIC, thing, codec.encode(after));

        // Same key, same partition: once the marker is handled, both copies have been seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker) == 1);
        assertThat(handled(thing)).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNotAnEnvelopeGoesStraightToTheDeadLetterTopicWithTheReason() {
        String key = "garbage-" + UUID.randomUUID();
        KafkaProbe.send(MessagingTestApplication.LISTENED_TOPIC, key, "this is not json {");

        ConsumerRecord<String, String> dead = deadLetterFor(key);
        assertThat(dead.value()).isEqualTo("this is not json {");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a Lendflow envelope");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(MessagingTestApplication.LISTENED_TOPIC);
    }

    @Test
    void aMessageWhoseHandlerKeepsFailingIsRetriedThenDeadLettered() {
        int before = listener.attempts.get();
        String key = "poison-" + UUID.randomUUID();
        Envelope envelope = codec.wrap(ThingHappened.TYPE, key, new ThingHappened("poison", 1), UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
        KafkaProbe.send(MessagingTestApplication.LISTENED_TOPIC, key, codec.encode(envelope));

        ConsumerRecord<String, String> dead = deadLetterFor(key);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("'poison' can never be handled");
        assertThat(listener.attempts.get() - before).isEqualTo(properties.retryAttempts());
        // The failed attempts left no trace: the inbox row rolled back with the effect.
        assertThat(jdbc.sql("select count(*) from messaging.inbox where message_id = ?").param(envelope.id())
                .query(Long.class).single()).isZero();
    }

    private ConsumerRecord<String, String> deadLetterFor(String key) {
        String deadLetterTopic = MessagingTestApplication.LISTENED_TOPIC + ".DLT";
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            KafkaProbe.readAll(deadLetterTopic, 1, Duration.ofSeconds(2)).stream()
                    .filter(record -> key.equals(record.key())).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            matching.clear();
            KafkaProbe.readAll(topic, 1, Duration.ofSeconds(2)).stream()
                    .filter(record -> key.equals(record.key())).forEach(matching::add);
            return matching.size() >= expected;
        });
        return matching;
    }

    private long handled(String thingId) {
        return jdbc.sql("select count(*) from handled_thing where thing_id = ?").param(thingId).query(Long.class).single();
    }

    private boolean unpublished(UUID messageId) {
        return jdbc.sql("select published_at is null from messaging.outbox where message_id = ?").param(messageId)
                .query(Boolean.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
