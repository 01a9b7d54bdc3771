package com.lendflow.limit.creditline;

import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to limit-service as loan-order-service (and core-ledger, collection) would: commands,
 * registrations and ledger events in, replies out.
 *
 * <p>Replies are read by one consumer per test JVM that tails limit-service's reply topic and the
 * commands' dead-letter topic into memory, and commands go out through one long-lived producer:
 * waiting for a reply is then a look at memory every few milliseconds, not a new consumer that
 * re-reads the whole topic (which grows with every test) each time.
 */
final class LimitProbe {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private final EnvelopeCodec codec;

    LimitProbe(EnvelopeCodec codec) {
        this.codec = codec;
    }

    Envelope command(GrantCreditLine command) {
        return codec.wrap(GrantCreditLine.TYPE, command.applicationId().toString(), command, UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
    }

    /** A command (or event) keyed by {@code key}: the drawdown, the customer, the loan. */
    <T extends Record> Envelope command(MessageType<T> type, UUID key, T command) {
        return codec.wrap(type, key.toString(), command, UUID.randomUUID(), key, null, Instant.now());
    }

    /** Sends the command and waits for its one reply of {@code replyType}. */
    <C extends Record, R extends Record> R ask(MessageType<C> type, UUID key, C command, MessageType<R> replyType) {
        Envelope sent = command(type, key, command);
        int before = replies(key, replyType.name()).size();
        send(sent);
        return answers(key, replyType, before + 1).getLast();
    }

    <R extends Record> List<R> answers(UUID key, MessageType<R> type, int atLeast) {
        return awaitReplies(key, atLeast, type.name()).stream().map(e -> codec.payloadOf(e, type)).toList();
    }

    /** Every reply to any of {@code keys} seen so far. */
    List<Envelope> repliesTo(Set<UUID> keys) {
        List<Envelope> replies = new ArrayList<>();
        keys.forEach(key -> Tail.shared().replies(key.toString()).forEach(record -> replies.add(codec.decode(record.value()))));
        return replies;
    }

    void send(Envelope command) {
        send(Topics.LIMIT_COMMANDS, command);
    }

    void send(String topic, Envelope message) {
        try {
            Tail.producer().send(new ProducerRecord<>(topic, message.aggregateId(), codec.encode(message))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    Envelope register(UUID customerId) {
        Envelope registration = codec.wrap(CustomerRegistered.TYPE, customerId.toString(),
                new CustomerRegistered(customerId, Instant.now()), UUID.randomUUID(), UUID.randomUUID(), null, Instant.now());
        send(Topics.LOAN_ORDER_CUSTOMER, registration);
        return registration;
    }

    /** Sends the command and waits for its CreditLineGranted. */
    CreditLineGranted grant(GrantCreditLine command) {
        send(command(command));
        return awaitGranted(command.applicationId(), 1).getFirst();
    }

    /** Sends the command and waits for its CreditLineGrantRefused. */
    CreditLineGrantRefused refuse(GrantCreditLine command) {
        send(command(command));
        return awaitRefused(command.applicationId(), 1).getFirst();
    }

    List<CreditLineGranted> awaitGranted(UUID applicationId, int atLeast) {
        return answers(applicationId, CreditLineGranted.TYPE, atLeast);
    }

    List<CreditLineGrantRefused> awaitRefused(UUID applicationId, int atLeast) {
        return answers(applicationId, CreditLineGrantRefused.TYPE, atLeast);
    }

    /** Waits until the command {@code sent} is on the commands' dead-letter topic. */
    void awaitDeadLettered(Envelope sent) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> Tail.shared().deadLetters().stream()
                .anyMatch(record -> codec.decode(record.value()).id().equals(sent.id())));
    }

    private List<Envelope> awaitReplies(UUID key, int atLeast, String type) {
        List<Envelope> found = new ArrayList<>();
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
            found.clear();
            found.addAll(seen(key, type));
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    /** Every reply of {@code type} to {@code key} on the topic now: waits until the tail has read to its end. */
    List<Envelope> replies(UUID key, String type) {
        Tail.shared().catchUp();
        return seen(key, type);
    }

    private List<Envelope> seen(UUID key, String type) {
        return Tail.shared().replies(key.toString()).stream().map(record -> codec.decode(record.value()))
                .filter(envelope -> envelope.type().equals(type)).toList();
    }

    /** The JVM's one reader of the reply and dead-letter topics, and its one producer. */
    private static final class Tail {

        private static Tail shared;
        private static KafkaProducer<String, String> producer;

        private final Map<String, List<ConsumerRecord<String, String>>> byKey = new ConcurrentHashMap<>();
        private final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();
        private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> ends = consumer();
        private final List<TopicPartition> partitions;

        private Tail() {
            partitions = new ArrayList<>();
            partitions.addAll(partitionsOf(ends, Topics.LIMIT_CREDIT_LINE));
            partitions.addAll(partitionsOf(ends, Topics.deadLetterOf(Topics.LIMIT_COMMANDS)));
            ends.assign(partitions);
            KafkaConsumer<String, String> reader = consumer();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Thread.ofPlatform().daemon().name("limit-probe-tail").start(() -> {
                while (true) {
                    for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                        if (record.topic().equals(Topics.LIMIT_CREDIT_LINE)) {
                            byKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(record);
                        } else {
                            deadLetters.add(record);
                        }
                    }
                    partitions.forEach(p -> read.put(p, reader.position(p)));
                }
            });
        }

        static synchronized Tail shared() {
            if (shared == null) {
                shared = new Tail();
            }
            return shared;
        }

        static synchronized KafkaProducer<String, String> producer() {
            if (producer == null) {
                producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
            }
            return producer;
        }

        List<ConsumerRecord<String, String>> replies(String key) {
            return byKey.getOrDefault(key, List.of());
        }

        List<ConsumerRecord<String, String>> deadLetters() {
            return deadLetters;
        }

        /** Waits until everything on the topics now has been read. */
        void catchUp() {
            Map<TopicPartition, Long> end;
            synchronized (this) {
                end = ends.endOffsets(partitions);
            }
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> end.entrySet()
                    .stream().allMatch(e -> read.getOrDefault(e.getKey(), 0L) >= e.getValue()));
        }

        private static Collection<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer, String topic) {
            Supplier<List<TopicPartition>> lookup = () -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return lookup.get();
        }

        private static KafkaConsumer<String, String> consumer() {
            return new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50), new StringDeserializer(), new StringDeserializer());
        }
    }
}
