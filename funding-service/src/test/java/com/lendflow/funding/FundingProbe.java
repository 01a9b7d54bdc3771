package com.lendflow.funding;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.SharedInfrastructure;
import com.lendflow.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Talks to funding-service as loan-order-service and the ops console would: commands in, replies out, HTTP. */
public final class FundingProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final String FINANCE = TestTokens.staff("finance-sun", "FINANCE");
    public static final String AGENT = TestTokens.staff("agent-li", "OPS_AGENT");
    public static final String ADMIN = TestTokens.staff("admin-zhao", "ADMIN");
    public static final String SAGA = TestTokens.service("loan-order-service");

    private final EnvelopeCodec codec;
    private final int port;

    public FundingProbe(EnvelopeCodec codec, int port) {
        this.codec = codec;
        this.port = port;
    }

    /** A command as the saga would wrap it, keyed by drawdown id; a re-sent command is a new envelope of the same payload. */
    public <T extends Record> Envelope command(MessageType<T> type, UUID drawdownId, T command) {
        return codec.wrap(type, drawdownId.toString(), command, UUID.randomUUID(), drawdownId, null, Instant.now());
    }

    public void send(Envelope envelope) {
        KafkaProbe.send(Topics.FUNDING_COMMANDS, envelope.aggregateId(), codec.encode(envelope));
    }

    public <T extends Record> void send(MessageType<T> type, UUID drawdownId, T command) {
        send(command(type, drawdownId, command));
    }

    public String encode(Envelope envelope) {
        return codec.encode(envelope);
    }

    /** Sends the command and waits for the first reply of {@code replyType} to the drawdown. */
    public <C extends Record, R extends Record> R ask(MessageType<C> type, UUID drawdownId, C command,
                                                      MessageType<R> replyType) {
        send(type, drawdownId, command);
        return await(drawdownId.toString(), replyType, 1).getFirst();
    }

    /** Waits until at least {@code atLeast} messages of {@code type} keyed {@code key} are on the position topic. */
    public <R extends Record> List<R> await(String key, MessageType<R> type, int atLeast) {
        List<R> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(messages(Set.of(key), type));
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    /** Every message of {@code type} keyed by one of {@code keys} on the position topic so far, read to the end. */
    public <R extends Record> List<R> messages(Set<String> keys, MessageType<R> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<R> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FUNDING_POSITION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        Envelope envelope = codec.decode(record.value());
                        if (envelope.type().equals(type.name())) {
                            found.add(codec.payloadOf(envelope, type));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Adds a partner as finance would, failing the test if it is not added. */
    public void addPartner(String partnerId, String body) {
        HttpResponse<String> added = put("/ops/v1/funding/partners/" + partnerId, FINANCE, body);
        if (added.statusCode() != 200) {
            throw new AssertionError("could not add partner " + partnerId + ": " + added.statusCode() + " " + added.body());
        }
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public HttpResponse<String> put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return CLIENT.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
