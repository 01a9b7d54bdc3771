package com.lendflow.payment.disbursement;

import com.lendflow.contracts.payment.DisbursementFailed;
import com.lendflow.contracts.payment.DisbursementSucceeded;
import com.lendflow.platform.web.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one payout of a drawdown to the customer's card, under a request number fixed before
 * anything is sent. It moves only forward; once final it answers every re-sent command the same.
 */
@Entity
@Table(name = "disbursement")
class Disbursement {

    static final String CHANNEL_REFUSED = "CHANNEL_REFUSED";
    static final String CHANNEL_FAILED = "CHANNEL_FAILED";
    static final String CHANNEL_NO_RECORD = "CHANNEL_NO_RECORD";

    @Id
    @Column(name = "drawdown_id")
    private UUID drawdownId;

    @Column(name = "request_no", nullable = false, updatable = false)
    private String requestNo;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(name = "card_id", nullable = false, updatable = false)
    private UUID cardId;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "funding_partner_id", updatable = false)
    private String fundingPartnerId;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "agreement_no", updatable = false)
    private String agreementNo;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisbursementState state;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "channel_transaction_id")
    private String channelTransactionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sending_since")
    private Instant sendingSince;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "next_query_at")
    private Instant nextQueryAt;

    @Column(nullable = false)
    private int queries;

    @Version
    private Long version;

    protected Disbursement() {
    }

    static Disbursement pending(PayoutOrder order, String requestNo, String channel, String agreementNo,
                                LocalDate businessDate, Instant now, Instant sendBy) {
        Disbursement disbursement = of(order, requestNo, channel, businessDate, now);
        disbursement.agreementNo = agreementNo;
        disbursement.state = DisbursementState.PENDING;
        disbursement.nextQueryAt = sendBy;
        return disbursement;
    }

    static Disbursement refused(PayoutOrder order, String requestNo, String channel, LocalDate businessDate,
                                PayoutRefusal refusal, Instant now) {
        Disbursement disbursement = of(order, requestNo, channel, businessDate, now);
        disbursement.state = DisbursementState.REFUSED;
        disbursement.failureCode = refusal.code();
        disbursement.failureReason = refusal.reason();
        disbursement.completedAt = now;
        return disbursement;
    }

    private static Disbursement of(PayoutOrder order, String requestNo, String channel, LocalDate businessDate,
                                   Instant now) {
        Disbursement disbursement = new Disbursement();
        disbursement.drawdownId = order.drawdownId();
        disbursement.requestNo = requestNo;
        disbursement.customerId = order.customerId();
        disbursement.cardId = order.cardId();
        disbursement.amount = order.amount();
        disbursement.fundingPartnerId = order.fundingPartnerId();
        disbursement.channel = channel;
        disbursement.businessDate = businessDate;
        disbursement.createdAt = now;
        return disbursement;
    }

    /** Takes a recorded disbursement for sending; false if someone else already did. */
    boolean claimForSending(Instant now) {
        if (state != DisbursementState.PENDING) {
            return false;
        }
        state = DisbursementState.SENDING;
        sendingSince = now;
        nextQueryAt = null;
        return true;
    }

    void accepted(Instant now, Instant queryAt) {
        requireSending();
        state = DisbursementState.SUBMITTED;
        submittedAt = now;
        nextQueryAt = queryAt;
    }

    void outcomeUnknown(Instant queryAt) {
        requireState(DisbursementState.SENDING, DisbursementState.SUBMITTED);
        state = DisbursementState.UNKNOWN;
        nextQueryAt = queryAt;
    }

    /** The circuit breaker kept the call from leaving: still to be sent, later. */
    void notSent(Instant retryAt) {
        requireSending();
        state = DisbursementState.PENDING;
        sendingSince = null;
        nextQueryAt = retryAt;
    }

    /** The channel confirmed the money arrived. False if this was already known (a duplicate). */
    boolean succeeded(String channelTransactionId, Instant completedAt) {
        if (state == DisbursementState.SUCCEEDED) {
            return false;
        }
        requireInFlight("succeed");
        this.state = DisbursementState.SUCCEEDED;
        this.channelTransactionId = channelTransactionId;
        this.completedAt = completedAt;
        this.nextQueryAt = null;
        return true;
    }

    /** The channel said no. False if this was already known (a duplicate). */
    boolean failed(String code, String reason, Instant completedAt) {
        if (state == DisbursementState.FAILED) {
            return false;
        }
        requireInFlight("fail");
        this.state = DisbursementState.FAILED;
        this.failureCode = code;
        this.failureReason = reason;
        this.completedAt = completedAt;
        this.nextQueryAt = null;
        return true;
    }

    void queryAgainAt(Instant at) {
        queries++;
        nextQueryAt = at;
    }

    private void requireSending() {
        requireState(DisbursementState.SENDING);
    }

    private void requireInFlight(String what) {
        if (state.isFinal()) {
            throw new IllegalStateException("disbursement " + drawdownId + " is " + state + " and cannot " + what);
        }
    }

    private void requireState(DisbursementState... allowed) {
        for (DisbursementState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw new IllegalStateException("disbursement " + drawdownId + " is " + state);
    }

    DisbursementSucceeded succeededReply() {
        return new DisbursementSucceeded(drawdownId, requestNo, channel, Amounts.text(amount), completedAt);
    }

    DisbursementFailed failedReply() {
        return new DisbursementFailed(drawdownId, requestNo, failureCode, failureReason);
    }

    UUID drawdownId() {
        return drawdownId;
    }

    String requestNo() {
        return requestNo;
    }

    UUID customerId() {
        return customerId;
    }

    UUID cardId() {
        return cardId;
    }

    BigDecimal amount() {
        return amount;
    }

    String fundingPartnerId() {
        return fundingPartnerId;
    }

    String channel() {
        return channel;
    }

    String agreementNo() {
        return agreementNo;
    }

    LocalDate businessDate() {
        return businessDate;
    }

    DisbursementState state() {
        return state;
    }

    String failureCode() {
        return failureCode;
    }

    String failureReason() {
        return failureReason;
    }

    String channelTransactionId() {
        return channelTransactionId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sendingSince() {
        return sendingSince;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    Instant nextQueryAt() {
        return nextQueryAt;
    }

    int queries() {
        return queries;
    }
}
