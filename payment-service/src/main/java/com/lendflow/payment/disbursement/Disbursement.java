package com.lendflow.payment.disbursement;

import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.payment.transfer.ChannelTransfer;
import com.lendflow.platform.web.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one payout of a drawdown to the customer's card, under a request number fixed before
 * anything is sent. It moves only forward; once final it answers every re-sent command the same.
 */
@Entity
@Table(name = "disbursement")
class Disbursement extends ChannelTransfer {

    static final String CHANNEL_FAILED = "CHANNEL_FAILED";

    @Id
    @Column(name = "drawdown_id")
    private UUID drawdownId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    protected Disbursement() {
    }

    static Disbursement pending(PayoutOrder order, String requestNo, String channel, String agreementNo,
                                LocalDate businessDate, Instant now, Instant sendBy) {
        Disbursement disbursement = of(order, requestNo, channel, businessDate, now);
        disbursement.pending(order.cardId(), agreementNo, sendBy);
        return disbursement;
    }

    static Disbursement refused(PayoutOrder order, String requestNo, String channel, LocalDate businessDate,
                                PayoutRefusal refusal, Instant now) {
        Disbursement disbursement = of(order, requestNo, channel, businessDate, now);
        disbursement.refused(order.cardId(), refusal.code(), refusal.reason(), now);
        return disbursement;
    }

    private static Disbursement of(PayoutOrder order, String requestNo, String channel, LocalDate businessDate,
                                   Instant now) {
        Disbursement disbursement = new Disbursement();
        disbursement.drawdownId = order.drawdownId();
        disbursement.customerId = order.customerId();
        disbursement.recorded(requestNo, order.amount(), order.fundingPartnerId(), channel, businessDate, now);
        return disbursement;
    }

    @Override
    public UUID transferId() {
        return drawdownId;
    }

    @Override
    protected String noun() {
        return "disbursement";
    }

    DisbursementSucceeded succeededReply() {
        return new DisbursementSucceeded(drawdownId, requestNo(), channel(), Amounts.text(amount()), completedAt());
    }

    DisbursementFailed failedReply() {
        return new DisbursementFailed(drawdownId, requestNo(), failureCode(), failureReason());
    }

    UUID drawdownId() {
        return drawdownId;
    }

    UUID customerId() {
        return customerId;
    }
}
