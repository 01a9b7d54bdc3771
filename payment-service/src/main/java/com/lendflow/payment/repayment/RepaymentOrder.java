package com.lendflow.payment.repayment;

import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.payment.card.PayoutCards.PayoutCard;
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
 * One collection from a customer's bound card for a loan, under a request number fixed before
 * anything is sent. It moves only forward: sent once, settled by the first final word of the
 * channel, reversed at most once. Its id is the repaymentId core-ledger applies once.
 */
@Entity
@Table(name = "repayment_order")
class RepaymentOrder {

    @Id
    private UUID id;

    @Column(name = "request_no", nullable = false, updatable = false)
    private String requestNo;

    @Column(name = "loan_id", nullable = false, updatable = false)
    private UUID loanId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RepaymentMode mode;

    @Column(name = "withholding_id", updatable = false)
    private UUID withholdingId;

    @Column(updatable = false)
    private Integer attempt;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "card_id", updatable = false)
    private UUID cardId;

    @Column(name = "card_masked", updatable = false)
    private String cardMasked;

    @Column(name = "agreement_no", updatable = false)
    private String agreementNo;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    /** The funding partner whose loan this collection repays, as core-ledger said when it was recorded. */
    @Column(name = "funding_partner_id", updatable = false)
    private String fundingPartnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepaymentState state;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "channel_transaction_id")
    private String channelTransactionId;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

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

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversal_reason")
    private String reversalReason;

    @Version
    private Long version;

    protected RepaymentOrder() {
    }

    /** A collection checked and recorded, to be handed to the channel after the commit. */
    static RepaymentOrder pending(Collection collection, PayoutCard card, String requestNo, String channel,
                                  LocalDate businessDate, Instant now) {
        RepaymentOrder order = of(collection, requestNo, channel, businessDate, now);
        order.cardId = card.id();
        order.cardMasked = card.masked();
        order.agreementNo = card.agreementNo();
        order.state = RepaymentState.PENDING;
        order.nextQueryAt = now.plusSeconds(10);
        return order;
    }

    /** A withholding attempt refused before anything was sent. */
    static RepaymentOrder refused(Collection collection, String requestNo, String channel, LocalDate businessDate,
                                  CollectionRefusal refusal, Instant now) {
        RepaymentOrder order = of(collection, requestNo, channel, businessDate, now);
        order.state = RepaymentState.REFUSED;
        order.failureCode = refusal.code();
        order.failureReason = refusal.reason();
        order.completedAt = now;
        return order;
    }

    private static RepaymentOrder of(Collection collection, String requestNo, String channel, LocalDate businessDate,
                                     Instant now) {
        RepaymentOrder order = new RepaymentOrder();
        order.id = UUID.randomUUID();
        order.requestNo = requestNo;
        order.loanId = collection.loanId();
        order.customerId = collection.customerId();
        order.mode = collection.mode();
        order.withholdingId = collection.withholdingId();
        order.attempt = collection.attempt();
        order.amount = collection.amount();
        order.idempotencyKey = collection.idempotencyKey();
        order.fundingPartnerId = collection.fundingPartnerId();
        order.channel = channel;
        order.businessDate = businessDate;
        order.createdAt = now;
        return order;
    }

    /** What is to be collected, and for whom. */
    record Collection(UUID loanId, UUID customerId, RepaymentMode mode, BigDecimal amount, UUID withholdingId,
                      Integer attempt, String idempotencyKey, String fundingPartnerId) {
    }

    boolean claimForSending(Instant now) {
        if (state != RepaymentState.PENDING) {
            return false;
        }
        state = RepaymentState.SENDING;
        sendingSince = now;
        nextQueryAt = null;
        return true;
    }

    void accepted(Instant now, Instant queryAt) {
        requireState(RepaymentState.SENDING);
        state = RepaymentState.SUBMITTED;
        submittedAt = now;
        nextQueryAt = queryAt;
    }

    void outcomeUnknown(Instant queryAt) {
        requireState(RepaymentState.SENDING, RepaymentState.SUBMITTED);
        state = RepaymentState.UNKNOWN;
        nextQueryAt = queryAt;
    }

    /** The circuit breaker kept the call from leaving: still to be sent, later. */
    void notSent(Instant retryAt) {
        requireState(RepaymentState.SENDING);
        state = RepaymentState.PENDING;
        sendingSince = null;
        nextQueryAt = retryAt;
    }

    void succeeded(String channelTransactionId, Instant completedAt) {
        requireInFlight("succeed");
        state = RepaymentState.SUCCEEDED;
        this.channelTransactionId = channelTransactionId;
        this.completedAt = completedAt;
        nextQueryAt = null;
    }

    void failed(String code, String reason, Instant completedAt) {
        requireInFlight("fail");
        state = RepaymentState.FAILED;
        failureCode = code;
        failureReason = reason;
        this.completedAt = completedAt;
        nextQueryAt = null;
    }

    /** The channel gave the money back to the card. */
    void reversed(String reason, Instant now) {
        requireState(RepaymentState.SUCCEEDED);
        state = RepaymentState.REVERSED;
        reversedAt = now;
        reversalReason = reason;
    }

    /** core-ledger applied it: the loan's amounts due now show it. */
    void applied(Instant now) {
        if (appliedAt == null) {
            appliedAt = now;
        }
    }

    void queryAgainAt(Instant at) {
        queries++;
        nextQueryAt = at;
    }

    private void requireInFlight(String what) {
        if (!state.inFlight()) {
            throw new IllegalStateException("repayment order " + id + " is " + state + " and cannot " + what);
        }
    }

    private void requireState(RepaymentState... allowed) {
        for (RepaymentState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw new IllegalStateException("repayment order " + id + " is " + state);
    }

    /** The fact core-ledger applies: a payoff is a prepayment of everything (principal null). */
    boolean isPayoff() {
        return mode == RepaymentMode.PAYOFF;
    }

    RepaymentCollected collected() {
        return new RepaymentCollected(id.toString(), loanId, Amounts.text(amount), channel, completedAt);
    }

    PrepaymentCollected prepaymentCollected() {
        return new PrepaymentCollected(id.toString(), loanId, null, null, Amounts.text(amount), channel, completedAt);
    }

    RepaymentReversed reversal() {
        return new RepaymentReversed(id.toString(), loanId, reversalReason);
    }

    UUID id() {
        return id;
    }

    String requestNo() {
        return requestNo;
    }

    UUID loanId() {
        return loanId;
    }

    UUID customerId() {
        return customerId;
    }

    RepaymentMode mode() {
        return mode;
    }

    UUID withholdingId() {
        return withholdingId;
    }

    Integer attempt() {
        return attempt;
    }

    BigDecimal amount() {
        return amount;
    }

    UUID cardId() {
        return cardId;
    }

    String cardMasked() {
        return cardMasked;
    }

    String agreementNo() {
        return agreementNo;
    }

    String channel() {
        return channel;
    }

    LocalDate businessDate() {
        return businessDate;
    }

    String fundingPartnerId() {
        return fundingPartnerId;
    }

    RepaymentState state() {
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

    Instant appliedAt() {
        return appliedAt;
    }

    Instant reversedAt() {
        return reversedAt;
    }

    String reversalReason() {
        return reversalReason;
    }
}
