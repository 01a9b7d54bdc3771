package com.lendflow.antifraud;

import static org.awaitility.Awaitility.await;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.SharedInfrastructure;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Talks to antifraud-service as loan-order-service and the ops console would: commands in, replies out, PUT and DELETE. */
public final class AntifraudProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final EnvelopeCodec codec;
    private final int port;

    public AntifraudProbe(EnvelopeCodec codec, int port) {
        this.codec = codec;
        this.port = port;
    }

    public Envelope command(AssessFraudRisk command) {
        return codec.wrap(AssessFraudRisk.TYPE, command.applicationId().toString(), command, UUID.randomUUID(),
                UUID.randomUUID(), null, Instant.now());
    }

    public Envelope command(AssessDrawdownRisk command) {
        return codec.wrap(AssessDrawdownRisk.TYPE, command.drawdownId().toString(), command, UUID.randomUUID(),
                command.drawdownId(), null, Instant.now());
    }

    /** Sends the drawdown command and waits for its DrawdownRiskAssessed. */
    public DrawdownRiskAssessed assess(AssessDrawdownRisk command) {
        send(command(command));
        return awaitDrawdownAssessed(command.drawdownId(), 1).getFirst();
    }

    public List<DrawdownRiskAssessed> awaitDrawdownAssessed(UUID drawdownId, int atLeast) {
        List<DrawdownRiskAssessed> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(replies(drawdownId, DrawdownRiskAssessed.TYPE.name()).stream()
                    .map(e -> codec.payloadOf(e, DrawdownRiskAssessed.TYPE)).toList());
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    public void send(Envelope envelope) {
        KafkaProbe.send(Topics.ANTIFRAUD_COMMANDS, envelope.aggregateId(), codec.encode(envelope));
    }

    /** Sends the command and waits for its FraudRiskAssessed. */
    public FraudRiskAssessed assess(AssessFraudRisk command) {
        send(command(command));
        return awaitAssessed(command.applicationId(), 1).getFirst();
    }

    public List<FraudRiskAssessed> awaitAssessed(UUID applicationId, int atLeast) {
        List<FraudRiskAssessed> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(replies(applicationId, FraudRiskAssessed.TYPE.name()).stream()
                    .map(e -> codec.payloadOf(e, FraudRiskAssessed.TYPE)).toList());
            return found.size() >= atLeast;
        });
        return List.copyOf(found);
    }

    public FraudReviewConcluded awaitConcluded(UUID applicationId) {
        List<FraudReviewConcluded> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            found.clear();
            found.addAll(replies(applicationId, FraudReviewConcluded.TYPE.name()).stream()
                    .map(e -> codec.payloadOf(e, FraudReviewConcluded.TYPE)).toList());
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    /** Every message of {@code type} for the application (or drawdown) on the assessment topic so far, read to the end of each partition. */
    public List<Envelope> replies(UUID applicationId, String type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Envelope> replies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANTIFRAUD_ASSESSMENT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (applicationId.toString().equals(record.key())) {
                        Envelope envelope = codec.decode(record.value());
                        if (envelope.type().equals(type)) {
                            replies.add(envelope);
                        }
                    }
                }
            }
        }
        return replies;
    }

    public HttpResponse<String> put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
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
