package com.lendflow.collection.postloan;

import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.MessageType;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.collection.CollectionIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.lendflow.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * collection-service on the shared PostgreSQL and Kafka, with a stand-in for core-ledger's internal loan API
 * (its properties are set in {@link CollectionIntegrationTest}, so the whole module shares one Spring context).
 * Messages are sent and read as the ledger and limit-service would, through the real broker.
 */
public abstract class PostLoanIntegrationTest extends CollectionIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    protected JdbcClient jdbc;

    protected HttpProbe service(String name) {
        return HttpProbe.localhost(port).bearer(TestTokens.service(name));
    }

    /** Sends {@code payload} on {@code topic} as its producer would; returns the envelope (to send it again). */
    protected <T extends Record> Envelope send(String topic, String key, MessageType<T> type, T payload) {
        Envelope envelope = codec.wrap(type, key, payload, UUID.randomUUID(), UUID.randomUUID(), null, Instant.now());
        resend(topic, envelope);
        return envelope;
    }

    /** The same message again, as a redelivery would bring it. */
    protected void resend(String topic, Envelope envelope) {
        KafkaProbe.send(topic, envelope.aggregateId(), codec.encode(envelope));
    }

    /** Waits until the post-loan consumer that takes this message has handled it. */
    protected void awaitHandled(Envelope envelope) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("select count(*) from messaging.inbox where message_id = ? and consumer like 'collection-service.early-warning.%'")
                .param(envelope.id())
                .query(Long.class).single() > 0);
    }

    /** Every {@code type} message on {@code topic} keyed {@code key} so far. */
    protected <T extends Record> List<T> sent(String topic, String key, MessageType<T> type) {
        return readToEnd(topic).stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .map(codec::decode)
                .filter(envelope -> type.name().equals(envelope.type()))
                .map(envelope -> codec.payloadOf(envelope, type))
                .toList();
    }

    /** Waits for {@code count} {@code type} messages keyed {@code key} on {@code topic}; returns all there are. */
    protected <T extends Record> List<T> awaitSent(String topic, String key, MessageType<T> type, int count) {
        List<List<T>> found = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            found.add(sent(topic, key, type));
            return found.getFirst().size() >= count;
        });
        return found.getFirst();
    }

    /** Every record on {@code topic} up to its end now, read without joining a group. */
    private static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
