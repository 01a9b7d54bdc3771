package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.FraudReviewConcluded;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.contracts.creditdecision.CreditDecisionFailed;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The replies the credit-line saga waits for, from the four services it drives. Each is taken
 * through the inbox, so its id is recorded in the transaction that moves the application and
 * sends the next command: a redelivery changes nothing. The reply topics carry other messages
 * too (they are the services' event topics); those are skipped without a trace in the inbox.
 */
@Component
class CreditApplicationReplies {

    static final String CONSUMER = "loan-order-service.credit-application-saga";

    private static final Logger log = LoggerFactory.getLogger(CreditApplicationReplies.class);

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final Map<String, Consumer<ConsumerRecord<String, String>>> routes;

    CreditApplicationReplies(Inbox inbox, EnvelopeCodec codec, CreditApplicationSaga saga,
                             CreditApplicationSettings timeouts) {
        this.inbox = inbox;
        this.codec = codec;
        this.routes = Map.ofEntries(
                route(saga, AuthorisationSigned.TYPE, AuthorisationSigned::applicationId,
                        (reply, application, received) -> application.authorisationSigned(reply, received, timeouts)),
                route(saga, SigningFailed.TYPE, SigningFailed::applicationId,
                        (reply, application, received) -> application.signingFailed(reply, received)),
                route(saga, FraudRiskAssessed.TYPE, FraudRiskAssessed::applicationId,
                        (reply, application, received) -> application.fraudAssessed(reply, received, timeouts)),
                route(saga, FraudReviewConcluded.TYPE, FraudReviewConcluded::applicationId,
                        (reply, application, received) -> application.fraudReviewConcluded(reply, received, timeouts)),
                route(saga, CreditRiskDecided.TYPE, CreditRiskDecided::applicationId,
                        (reply, application, received) -> application.creditDecided(reply, received, timeouts)),
                route(saga, CreditDecisionFailed.TYPE, CreditDecisionFailed::applicationId,
                        (reply, application, received) -> application.creditDecisionFailed(reply, received)),
                route(saga, CreditLineGranted.TYPE, CreditLineGranted::applicationId,
                        (reply, application, received) -> application.creditLineGranted(reply, received)),
                route(saga, CreditLineGrantRefused.TYPE, CreditLineGrantRefused::applicationId,
                        (reply, application, received) -> application.creditLineGrantRefused(reply, received)));
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.ESIGN_DOCUMENT, Topics.ANTIFRAUD_ASSESSMENT,
            Topics.CREDIT_DECISION_DECISION, Topics.LIMIT_CREDIT_LINE})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone carries no reply; the inbox would refuse it as malformed.
            log.debug("skipping an empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        Envelope envelope = codec.decode(record.value());
        Consumer<ConsumerRecord<String, String>> route = routes.get(envelope.type());
        if (route == null) {
            log.debug("{} {} on {} is not a reply the credit-line saga waits for; skipping it", envelope.type(),
                    envelope.id(), record.topic());
            return;
        }
        route.accept(record);
    }

    private <T extends Record> Map.Entry<String, Consumer<ConsumerRecord<String, String>>> route(
            CreditApplicationSaga saga, MessageType<T> type, Function<T, UUID> applicationId, Handler<T> handler) {
        return Map.entry(type.name(), record -> inbox.receive(record, CONSUMER, type,
                (envelope, reply) -> saga.onReply(envelope, applicationId.apply(reply),
                        (application, received) -> handler.apply(reply, application, received))));
    }

    @FunctionalInterface
    private interface Handler<T> {
        Reaction apply(T reply, CreditApplication application, Received received);
    }
}
