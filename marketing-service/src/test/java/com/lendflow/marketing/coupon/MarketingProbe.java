package com.lendflow.marketing.coupon;


import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Talks to marketing-service as the drawdown saga and limit-service would: commands and grants in, replies out. */
final class MarketingProbe {

    private final EnvelopeCodec codec;

    MarketingProbe(EnvelopeCodec codec) {
        this.codec = codec;
    }

    /** A command as the saga wraps it, keyed by drawdown id. */
    <T extends Record> Envelope command(MessageType<T> type, UUID drawdownId, T command) {
        return codec.wrap(type, drawdownId.toString(), command, UUID.randomUUID(), drawdownId, null, Instant.now());
    }

    void send(Envelope command) {
        KafkaProbe.send(Topics.MARKETING_COMMANDS, command.aggregateId(), codec.encode(command));
    }

    /** Sends the command under a fresh message id. */
    <T extends Record> void send(MessageType<T> type, UUID drawdownId, T command) {
        send(command(type, drawdownId, command));
    }

    /** limit-service's event that a customer's line is granted, under a fresh application id. */
    Envelope lineGranted(UUID customerId, String grade) {
        UUID applicationId = UUID.randomUUID();
        CreditLineGranted granted = new CreditLineGranted(applicationId, customerId, "43000.00", "0.146000", grade,
                LocalDate.now().plusYears(1), Instant.now());
        Envelope envelope = codec.wrap(CreditLineGranted.TYPE, applicationId.toString(), granted, UUID.randomUUID(),
                applicationId, null, Instant.now());
        KafkaProbe.send(Topics.LIMIT_CREDIT_LINE, applicationId.toString(), codec.encode(envelope));
        return envelope;
    }

    CouponLocked lock(LockCoupon command) {
        send(LockCoupon.TYPE, command.drawdownId(), command);
        return await(command.drawdownId(), CouponLocked.TYPE, 1).getFirst();
    }

    CouponLockRefused refuse(LockCoupon command) {
        send(LockCoupon.TYPE, command.drawdownId(), command);
        return await(command.drawdownId(), CouponLockRefused.TYPE, 1).getFirst();
    }

    /** Waits for at least {@code atLeast} replies of {@code type} to the drawdown. */
    <T extends Record> List<T> await(UUID drawdownId, MessageType<T> type, int atLeast) {
        List<T> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(replies(drawdownId, type));
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    /** Every reply of {@code type} to the drawdown so far, read to the end of each partition. */
    <T extends Record> List<T> replies(UUID drawdownId, MessageType<T> type) {
        return replies(drawdownId).stream().filter(e -> e.type().equals(type.name()))
                .map(e -> codec.payloadOf(e, type)).toList();
    }

    /** Every reply to the drawdown so far, of any type, in the order sent. */
    List<Envelope> replies(UUID drawdownId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Envelope> replies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MARKETING_COUPON).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (drawdownId.toString().equals(record.key())) {
                        replies.add(codec.decode(record.value()));
                    }
                }
            }
        }
        return replies;
    }

    /** Waits until {@code consumer} has taken the message (its id is in the inbox). */
    static void awaitHandled(org.springframework.jdbc.core.simple.JdbcClient jdbc, Envelope message) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where message_id = ?").param(message.id()).query(Long.class).single() == 1);
    }
}
