package com.lendflow.loanorder;

import com.lendflow.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * The shared broker's topics as the tests read them: one reader per topic for the whole test JVM
 * (partitions assigned, no consumer group to join), keeping every record from the beginning, and
 * one producer. Opening a consumer group per question cost a join and a fetch from the start each
 * time; this answers "the first record that matches" as soon as it is on the broker.
 */
public final class KafkaLog {

    private static final Map<String, Reader> readers = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private KafkaLog() {
    }

    /** The first record on {@code topic} that matches, waiting up to {@code wait} for it to arrive. */
    public static Optional<ConsumerRecord<String, String>> first(String topic,
                                                                 Predicate<ConsumerRecord<String, String>> matching,
                                                                 Duration wait) {
        return reader(topic).first(matching, wait);
    }

    /** Every record on {@code topic} up to its end as of now (waiting for the reader to get there). */
    public static List<ConsumerRecord<String, String>> upToNow(String topic) {
        return reader(topic).upToNow(Duration.ofSeconds(20));
    }

    public static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.kafkaBootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static Reader reader(String topic) {
        return readers.computeIfAbsent(topic, Reader::new);
    }

    private static final class Reader {

        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> offsets;
        private final List<TopicPartition> partitions;

        Reader(String topic) {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
            offsets = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            partitions = offsets.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Thread.ofPlatform().daemon(true).name("kafka-log-" + topic).start(() -> {
                while (true) {
                    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                    consumer.poll(Duration.ofMillis(50)).forEach(batch::add);
                    Map<TopicPartition, Long> read = new java.util.HashMap<>();
                    partitions.forEach(p -> read.put(p, consumer.position(p)));
                    synchronized (this) {
                        records.addAll(batch);
                        positions.putAll(read);
                        notifyAll();
                    }
                }
            });
        }

        synchronized Optional<ConsumerRecord<String, String>> first(Predicate<ConsumerRecord<String, String>> matching,
                                                                    Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            int checked = 0;
            while (true) {
                for (; checked < records.size(); checked++) {
                    if (matching.test(records.get(checked))) {
                        return Optional.of(records.get(checked));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                waitUpTo(left);
            }
        }

        List<ConsumerRecord<String, String>> upToNow(Duration wait) {
            Map<TopicPartition, Long> end;
            synchronized (offsets) {
                end = offsets.endOffsets(partitions);
            }
            long deadline = System.nanoTime() + wait.toNanos();
            synchronized (this) {
                while (!end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("the test's reader did not reach the end of " + partitions);
                    }
                    waitUpTo(left);
                }
                return List.copyOf(records);
            }
        }

        private void waitUpTo(long nanos) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
