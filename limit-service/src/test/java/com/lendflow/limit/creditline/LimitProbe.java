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
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Talks to limit-service as loan-order-service would: commands and registrations in, replies out. */
final class LimitProbe {

    private final EnvelopeCodec codec;

    LimitProbe(EnvelopeCodec codec) {
        this.codec = codec;
    }

    Envelope command(GrantCreditLine command) {
        return codec.wrap(GrantCreditLine.TYPE, command.applicationId().toString(), command, UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
    }

    /** A drawdown saga's command to the line, keyed by its drawdown id. */
    <T extends Record> Envelope command(MessageType<T> type, UUID drawdownId, T command) {
        return codec.wrap(type, drawdownId.toString(), command, UUID.randomUUID(), drawdownId, null, Instant.now());
    }

    /** Sends the command and waits for its one reply of {@code replyType}. */
    <C extends Record, R extends Record> R ask(MessageType<C> type, UUID drawdownId, C command, MessageType<R> replyType) {
        Envelope sent = command(type, drawdownId, command);
        int before = replies(drawdownId, replyType.name()).size();
        send(sent);
        return answers(drawdownId, replyType, before + 1).getLast();
    }

    <R extends Record> List<R> answers(UUID key, MessageType<R> type, int atLeast) {
        return awaitReplies(key, atLeast, type.name()).stream().map(e -> codec.payloadOf(e, type)).toList();
    }

    /** Every reply to any of {@code keys} so far, in one pass over the topic. */
    List<Envelope> repliesTo(Set<UUID> keys) {
        Set<String> wanted = keys.stream().map(UUID::toString).collect(Collectors.toSet());
        List<Envelope> replies = new ArrayList<>();
        readAll(record -> {
            if (wanted.contains(record.key())) {
                replies.add(codec.decode(record.value()));
            }
        });
        return replies;
    }

    void send(Envelope command) {
        KafkaProbe.send(Topics.LIMIT_COMMANDS, command.aggregateId(), codec.encode(command));
    }

    Envelope register(UUID customerId) {
        Envelope registration = codec.wrap(CustomerRegistered.TYPE, customerId.toString(),
                new CustomerRegistered(customerId, Instant.now()), UUID.randomUUID(), UUID.randomUUID(), null, Instant.now());
        KafkaProbe.send(Topics.LOAN_ORDER_CUSTOMER, customerId.toString(), codec.encode(registration));
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
        return awaitReplies(applicationId, atLeast, CreditLineGranted.TYPE.name()).stream()
                .map(e -> codec.payloadOf(e, CreditLineGranted.TYPE)).toList();
    }

    List<CreditLineGrantRefused> awaitRefused(UUID applicationId, int atLeast) {
        return awaitReplies(applicationId, atLeast, CreditLineGrantRefused.TYPE.name()).stream()
                .map(e -> codec.payloadOf(e, CreditLineGrantRefused.TYPE)).toList();
    }

    private List<Envelope> awaitReplies(UUID applicationId, int atLeast, String type) {
        List<Envelope> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(replies(applicationId, type));
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    /** Every reply of {@code type} to the application so far, read to the end of each partition. */
    List<Envelope> replies(UUID applicationId, String type) {
        List<Envelope> replies = new ArrayList<>();
        readAll(record -> {
            if (applicationId.toString().equals(record.key())) {
                Envelope envelope = codec.decode(record.value());
                if (envelope.type().equals(type)) {
                    replies.add(envelope);
                }
            }
        });
        return replies;
    }

    private static void readAll(Consumer<ConsumerRecord<String, String>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LIMIT_CREDIT_LINE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
