package com.lendflow.payment.repayment;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.contracts.ledger.InstallmentDue;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plays core-ledger's events and reads what payment-service publishes on the repayment topic. */
record LedgerEvents(EnvelopeCodec codec) {

    void installmentDue(InstallmentDue due) {
        send(Topics.CORE_LEDGER_LOAN, due.loanId().toString(), InstallmentDue.TYPE, due, due.loanId());
    }

    void businessDate(LocalDate closed, LocalDate now) {
        send(Topics.CORE_LEDGER_BUSINESS_DAY, "business-day", BusinessDateChanged.TYPE, new BusinessDateChanged(closed, now),
                UUID.randomUUID());
    }

    private <T extends Record> void send(String topic, String key, MessageType<T> type, T payload, UUID correlationId) {
        Envelope envelope = codec.wrap(type, key, payload, UUID.randomUUID(), correlationId, null, Instant.now());
        KafkaProbe.send(topic, key, codec.encode(envelope));
    }

    /** What payment-service published for the loan so far, after waiting up to {@code wait} for at least {@code atLeast}. */
    List<Envelope> published(UUID loanId, int atLeast, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Envelope> found;
        do {
            found = KafkaProbe.readAll(Topics.PAYMENT_REPAYMENT, 1, Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals(loanId.toString())).map(r -> codec.decode(r.value())).toList();
        } while (found.size() < atLeast && System.nanoTime() < deadline);
        return found;
    }

    <T extends Record> List<T> published(UUID loanId, MessageType<T> type, int atLeast, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<T> found;
        do {
            found = published(loanId, 0, Duration.ZERO).stream().filter(e -> e.type().equals(type.name()))
                    .map(e -> codec.payloadOf(e, type)).toList();
        } while (found.size() < atLeast && System.nanoTime() < deadline);
        return found;
    }
}
