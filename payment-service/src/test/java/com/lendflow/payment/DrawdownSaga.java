package com.lendflow.payment;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.payment.Disburse;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays loan-order-service's side of the disbursement step: sends Disburse, reads the replies. */
public record DrawdownSaga(EnvelopeCodec codec) {

    public Envelope command(Disburse disburse) {
        return codec.wrap(Disburse.TYPE, disburse.drawdownId().toString(), disburse, UUID.randomUUID(),
                disburse.drawdownId(), null, Instant.now());
    }

    public Envelope send(Disburse disburse) {
        return send(command(disburse));
    }

    public Envelope send(Envelope command) {
        KafkaProbe.send(Topics.PAYMENT_COMMANDS, command.aggregateId(), codec.encode(command));
        return command;
    }

    /** The first reply for the drawdown. */
    public Envelope reply(UUID drawdownId) {
        ConsumerRecord<String, String> record = KafkaProbe.first(Topics.PAYMENT_DISBURSEMENT,
                r -> r.key().equals(drawdownId.toString()), Duration.ofSeconds(40))
                .orElseThrow(() -> new AssertionError("no reply for drawdown " + drawdownId));
        return codec.decode(record.value());
    }

    /** Every reply for the drawdown so far, after waiting up to {@code wait} for at least {@code atLeast}. */
    public List<Envelope> replies(UUID drawdownId, int atLeast, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Envelope> replies;
        do {
            replies = KafkaProbe.readAll(Topics.PAYMENT_DISBURSEMENT, 1, Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals(drawdownId.toString())).map(r -> codec.decode(r.value())).toList();
        } while (replies.size() < atLeast && System.nanoTime() < deadline);
        return replies;
    }

    public <T extends Record> T payload(Envelope envelope, com.lendflow.contracts.MessageType<T> type) {
        if (!type.name().equals(envelope.type())) {
            throw new AssertionError("expected " + type.name() + " but got " + envelope.type() + ": " + envelope);
        }
        return codec.payloadOf(envelope, type);
    }
}
