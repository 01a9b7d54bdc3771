package com.lendflow.payment.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One transfer through the payment channel under a request number fixed before anything is sent,
 * with the state machine every kind of transfer shares: claimed for sending once, accepted, unknown
 * (queried, never resent), settled by the channel's first final word. What is transferred for whom,
 * and what its outcome means, is the subclass's.
 */
@MappedSuperclass
public abstract class ChannelTransfer {

    @Column(name = "request_no", nullable = false, updatable = false)
    private String requestNo;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "card_id", updatable = false)
    private UUID cardId;

    @Column(name = "agreement_no", updatable = false)
    private String agreementNo;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    /** The funding partner whose account the money moves for, as known when the transfer was recorded. */
    @Column(name = "funding_partner_id", updatable = false)
    private String fundingPartnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferState state;

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

    protected ChannelTransfer() {
    }

    /** What is transferred, through which channel, on which business date. */
    protected final void recorded(String requestNo, BigDecimal amount, String fundingPartnerId, String channel,
                                  LocalDate businessDate, Instant now) {
        this.requestNo = requestNo;
        this.amount = amount;
        this.fundingPartnerId = fundingPartnerId;
        this.channel = channel;
        this.businessDate = businessDate;
        this.createdAt = now;
    }

    /** Checked, to be handed to the channel from the card under its agreement; sent by the job at {@code sendBy}. */
    protected final void pending(UUID cardId, String agreementNo, Instant sendBy) {
        this.cardId = cardId;
        this.agreementNo = agreementNo;
        this.state = TransferState.PENDING;
        this.nextQueryAt = sendBy;
    }

    /** Refused before anything was sent (the card it was checked against, if any). */
    protected final void refused(UUID cardId, String code, String reason, Instant now) {
        this.cardId = cardId;
        this.state = TransferState.REFUSED;
        this.failureCode = code;
        this.failureReason = reason;
        this.completedAt = now;
    }

    /** The business id the transfer is known by (and the channel's reference). */
    public abstract UUID transferId();

    /** What it is called in errors: "disbursement", "repayment order". */
    protected abstract String noun();

    /** Takes a recorded transfer for sending; false if someone else already did. */
    boolean claimForSending(Instant now) {
        if (state != TransferState.PENDING) {
            return false;
        }
        state = TransferState.SENDING;
        sendingSince = now;
        nextQueryAt = null;
        return true;
    }

    void accepted(Instant now, Instant queryAt) {
        requireState(TransferState.SENDING);
        state = TransferState.SUBMITTED;
        submittedAt = now;
        nextQueryAt = queryAt;
    }

    void outcomeUnknown(Instant queryAt) {
        requireState(TransferState.SENDING, TransferState.SUBMITTED);
        state = TransferState.UNKNOWN;
        nextQueryAt = queryAt;
    }

    /** The circuit breaker kept the call from leaving: still to be sent, later. */
    void notSent(Instant retryAt) {
        requireState(TransferState.SENDING);
        state = TransferState.PENDING;
        sendingSince = null;
        nextQueryAt = retryAt;
    }

    /** The channel confirmed the money moved. */
    void succeeded(String channelTransactionId, Instant completedAt) {
        requireInFlight("succeed");
        this.state = TransferState.SUCCEEDED;
        this.channelTransactionId = channelTransactionId;
        this.completedAt = completedAt;
        this.nextQueryAt = null;
    }

    /** The channel said no, or the transfer never reached it: no money moved. */
    void failed(String code, String reason, Instant completedAt) {
        requireInFlight("fail");
        this.state = TransferState.FAILED;
        this.failureCode = code;
        this.failureReason = reason;
        this.completedAt = completedAt;
        this.nextQueryAt = null;
    }

    /** The channel gave the money back: only a succeeded transfer can be reversed. */
    protected final void reversed() {
        requireState(TransferState.SUCCEEDED);
        state = TransferState.REVERSED;
    }

    void queryAgainAt(Instant at) {
        queries++;
        nextQueryAt = at;
    }

    private void requireInFlight(String what) {
        if (!state.inFlight()) {
            throw new IllegalStateException(noun() + " " + transferId() + " is " + state + " and cannot " + what);
        }
    }

    private void requireState(TransferState... allowed) {
        for (TransferState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw new IllegalStateException(noun() + " " + transferId() + " is " + state);
    }

    public String requestNo() {
        return requestNo;
    }

    public BigDecimal amount() {
        return amount;
    }

    public UUID cardId() {
        return cardId;
    }

    public String agreementNo() {
        return agreementNo;
    }

    public String channel() {
        return channel;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String fundingPartnerId() {
        return fundingPartnerId;
    }

    public TransferState state() {
        return state;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public String channelTransactionId() {
        return channelTransactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sendingSince() {
        return sendingSince;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant nextQueryAt() {
        return nextQueryAt;
    }

    public int queries() {
        return queries;
    }
}
