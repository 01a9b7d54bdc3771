package com.lendflow.creditdecision;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.creditdecision.DecideDrawdown;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays loan-order-service's side of the drawdown decision step: sends DecideDrawdown, reads DrawdownDecided. */
public record DrawdownSaga(EnvelopeCodec codec) {

    public Envelope command(DecideDrawdown decide) {
        return codec.wrap(DecideDrawdown.TYPE, decide.drawdownId().toString(), decide, UUID.randomUUID(), decide.drawdownId(),
                null, Instant.now());
    }

    public Envelope send(DecideDrawdown decide) {
        return send(command(decide));
    }

    public Envelope send(Envelope command) {
        KafkaProbe.send(Topics.CREDIT_DECISION_COMMANDS, command.aggregateId(), codec.encode(command));
        return command;
    }

    /** The next reply for the drawdown that is not one of {@code seen}. */
    public Envelope reply(UUID drawdownId, Set<UUID> seen) {
        ConsumerRecord<String, String> record = KafkaProbe.first(Topics.CREDIT_DECISION_DECISION,
                r -> r.key().equals(drawdownId.toString()) && !seen.contains(codec.decode(r.value()).id()),
                Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError("no reply for drawdown " + drawdownId));
        return codec.decode(record.value());
    }

    public DrawdownDecided decided(UUID drawdownId) {
        Envelope reply = reply(drawdownId, Set.of());
        if (!reply.type().equals(DrawdownDecided.TYPE.name())) {
            throw new AssertionError("drawdown " + drawdownId + " was answered with " + reply.type());
        }
        return codec.payloadOf(reply, DrawdownDecided.TYPE);
    }

    /** Sends the command and waits for its answer. */
    public DrawdownDecided decide(DecideDrawdown decide) {
        send(decide);
        return decided(decide.drawdownId());
    }
}
