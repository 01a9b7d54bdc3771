package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.contracts.esign.LoanContractSigned;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.contracts.funding.FundingConfirmed;
import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReleased;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.contracts.ledger.LoanAccountOpened;
import com.lendflow.contracts.ledger.LoanAccountRefused;
import com.lendflow.contracts.limit.LimitOccupied;
import com.lendflow.contracts.limit.LimitReleased;
import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
import com.lendflow.contracts.marketing.CouponLockRefused;
import com.lendflow.contracts.marketing.CouponLocked;
import com.lendflow.contracts.marketing.CouponRedeemed;
import com.lendflow.contracts.marketing.CouponReleased;
import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import java.util.List;
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
 * The replies the drawdown saga waits for, from the eight services it drives, each taken
 * through the inbox (its own consumer, apart from the credit-line saga's on the shared topics),
 * so a redelivery changes nothing. Other messages on these topics are skipped without a trace.
 */
@Component
class DrawdownReplies {

    static final String CONSUMER = "loan-order-service.drawdown-saga";

    private static final Logger log = LoggerFactory.getLogger(DrawdownReplies.class);

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final Map<String, Consumer<ConsumerRecord<String, String>>> routes;

    DrawdownReplies(Inbox inbox, EnvelopeCodec codec, DrawdownSaga saga, DrawdownSettings t) {
        this.inbox = inbox;
        this.codec = codec;
        this.routes = Map.ofEntries(
                route(saga, LimitReserved.TYPE, LimitReserved::drawdownId, (r, d, rc) -> d.limitReserved(r, rc, t)),
                route(saga, LimitReservationRefused.TYPE, LimitReservationRefused::drawdownId, (r, d, rc) -> d.limitRefused(r, rc)),
                route(saga, CouponLocked.TYPE, CouponLocked::drawdownId, (r, d, rc) -> d.couponLocked(r, rc, t)),
                route(saga, CouponLockRefused.TYPE, CouponLockRefused::drawdownId, (r, d, rc) -> d.couponRefused(r, rc)),
                route(saga, LoanContractSigned.TYPE, LoanContractSigned::drawdownId, (r, d, rc) -> d.contractSigned(r, rc, t)),
                route(saga, SigningFailed.TYPE, SigningFailed::applicationId, (r, d, rc) -> d.signingFailed(r, rc)),
                route(saga, DrawdownRiskAssessed.TYPE, DrawdownRiskAssessed::drawdownId, (r, d, rc) -> d.riskAssessed(r, rc, t)),
                route(saga, DrawdownDecided.TYPE, DrawdownDecided::drawdownId, (r, d, rc) -> d.decided(r, rc, t)),
                route(saga, FundingReserved.TYPE, FundingReserved::drawdownId, (r, d, rc) -> d.fundingReserved(r, rc, t)),
                route(saga, FundingRefused.TYPE, FundingRefused::drawdownId, (r, d, rc) -> d.fundingRefused(r, rc)),
                route(saga, DisbursementSucceeded.TYPE, DisbursementSucceeded::drawdownId, (r, d, rc) -> d.disbursed(r, rc, t)),
                route(saga, DisbursementFailed.TYPE, DisbursementFailed::drawdownId, (r, d, rc) -> d.disbursementFailed(r, rc)),
                route(saga, LoanAccountOpened.TYPE, LoanAccountOpened::drawdownId, (r, d, rc) -> d.loanAccountOpened(r, rc)),
                route(saga, LoanAccountRefused.TYPE, LoanAccountRefused::drawdownId, (r, d, rc) -> d.loanAccountRefused(r, rc)),
                acknowledgement(saga, LimitReleased.TYPE, LimitReleased::drawdownId,
                        r -> "limit released: " + r.amount(), r -> Drawdown.details("amount", r.amount())),
                acknowledgement(saga, CouponReleased.TYPE, CouponReleased::drawdownId,
                        r -> "coupon released", r -> Drawdown.details("couponId", r.couponId())),
                acknowledgement(saga, FundingReleased.TYPE, FundingReleased::drawdownId,
                        r -> "funding position released at " + r.partnerId(),
                        r -> Drawdown.details("partnerId", r.partnerId(), "amount", r.amount())),
                acknowledgement(saga, LimitOccupied.TYPE, LimitOccupied::drawdownId,
                        r -> "limit occupied: " + r.amount(), r -> Drawdown.details("amount", r.amount())),
                acknowledgement(saga, CouponRedeemed.TYPE, CouponRedeemed::drawdownId,
                        r -> "coupon redeemed", r -> Drawdown.details("couponId", r.couponId(), "redeemedAt", r.redeemedAt())),
                acknowledgement(saga, FundingConfirmed.TYPE, FundingConfirmed::drawdownId,
                        r -> "funding confirmed at " + r.partnerId(),
                        r -> Drawdown.details("partnerId", r.partnerId(), "amount", r.amount())));
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.LIMIT_CREDIT_LINE, Topics.MARKETING_COUPON, Topics.ESIGN_DOCUMENT,
            Topics.ANTIFRAUD_ASSESSMENT, Topics.CREDIT_DECISION_DECISION, Topics.FUNDING_POSITION,
            Topics.PAYMENT_DISBURSEMENT, Topics.CORE_LEDGER_LOAN})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        Envelope envelope = codec.decode(record.value());
        Consumer<ConsumerRecord<String, String>> route = routes.get(envelope.type());
        if (route == null) {
            log.debug("{} {} on {} is not a reply the drawdown saga waits for; skipping it", envelope.type(),
                    envelope.id(), record.topic());
            return;
        }
        route.accept(record);
    }

    private <T extends Record> Map.Entry<String, Consumer<ConsumerRecord<String, String>>> route(
            DrawdownSaga saga, MessageType<T> type, Function<T, UUID> drawdownId, Handler<T> handler) {
        return Map.entry(type.name(), record -> inbox.receive(record, CONSUMER, type,
                (envelope, reply) -> saga.onReply(envelope, drawdownId.apply(reply),
                        (drawdown, received) -> handler.apply(reply, drawdown, received))));
    }

    private <T extends Record> Map.Entry<String, Consumer<ConsumerRecord<String, String>>> acknowledgement(
            DrawdownSaga saga, MessageType<T> type, Function<T, UUID> drawdownId, Function<T, String> note,
            Function<T, Map<String, Object>> details) {
        return route(saga, type, drawdownId, (reply, drawdown, received) -> {
            drawdown.acknowledged(received, note.apply(reply), details.apply(reply));
            return List.of();
        });
    }

    @FunctionalInterface
    private interface Handler<T> {
        List<Effect> apply(T reply, Drawdown drawdown, Received received);
    }
}
