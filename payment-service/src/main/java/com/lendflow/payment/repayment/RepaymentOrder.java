package com.lendflow.payment.repayment;

import com.lendflow.contracts.payment.PrepaymentCollected;
import com.lendflow.contracts.payment.RepaymentCollected;
import com.lendflow.contracts.payment.RepaymentReversed;
import com.lendflow.payment.card.PayoutCards.PayoutCard;
import com.lendflow.payment.transfer.ChannelTransfer;
import com.lendflow.platform.web.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * One collection from a customer's bound card for a loan, under a request number fixed before
 * anything is sent. It moves only forward: sent once, settled by the first final word of the
 * channel, reversed at most once. Its id is the repaymentId core-ledger applies once.
 */
@Entity
@Table(name = "repayment_order")
class RepaymentOrder extends ChannelTransfer {

    @Id
    private UUID id;

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

    @Column(name = "card_masked", updatable = false)
    private String cardMasked;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversal_reason")
    private String reversalReason;

    protected RepaymentOrder() {
    }

    /** A collection checked and recorded, to be handed to the channel after the commit. */
    static RepaymentOrder pending(Collection collection, PayoutCard card, String channel, LocalDate businessDate,
                                  Instant now) {
        RepaymentOrder order = of(collection, channel, businessDate, now);
        order.cardMasked = card.masked();
        order.pending(card.id(), card.agreementNo(), now.plusSeconds(10));
        return order;
    }

    /** A withholding attempt refused before anything was sent. */
    static RepaymentOrder refused(Collection collection, String channel, LocalDate businessDate,
                                  CollectionRefusal refusal, Instant now) {
        RepaymentOrder order = of(collection, channel, businessDate, now);
        order.refused(null, refusal.code(), refusal.reason(), now);
        return order;
    }

    private static RepaymentOrder of(Collection collection, String channel, LocalDate businessDate, Instant now) {
        RepaymentOrder order = new RepaymentOrder();
        order.id = UUID.randomUUID();
        String requestNo = requestNoFor(order.id, businessDate);
        order.loanId = collection.loanId();
        order.customerId = collection.customerId();
        order.mode = collection.mode();
        order.withholdingId = collection.withholdingId();
        order.attempt = collection.attempt();
        order.idempotencyKey = collection.idempotencyKey();
        order.recorded(requestNo, collection.amount(), collection.fundingPartnerId(), channel, businessDate, now);
        return order;
    }

    /**
     * The number the channel knows the collection by: the business date (for people reading statements)
     * and the order's own id. Derived, never drawn from a sequence, so that after a database is restored
     * from a backup a new collection cannot reuse the number of one the channel saw after the backup was
     * taken (the channel would answer the old transfer's outcome for it).
     */
    static String requestNoFor(UUID orderId, LocalDate businessDate) {
        return "LFR" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + orderId.toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** What is to be collected, and for whom. */
    record Collection(UUID loanId, UUID customerId, RepaymentMode mode, BigDecimal amount, UUID withholdingId,
                      Integer attempt, String idempotencyKey, String fundingPartnerId) {
    }

    /** The channel gave the money back to the card. */
    void reversed(String reason, Instant now) {
        reversed();
        reversedAt = now;
        reversalReason = reason;
    }

    /** core-ledger applied it: the loan's amounts due now show it. */
    void applied(Instant now) {
        if (appliedAt == null) {
            appliedAt = now;
        }
    }

    @Override
    public UUID transferId() {
        return id;
    }

    @Override
    protected String noun() {
        return "repayment order";
    }

    /** The fact core-ledger applies: a payoff is a prepayment of everything (principal null). */
    boolean isPayoff() {
        return mode == RepaymentMode.PAYOFF;
    }

    RepaymentCollected collected() {
        return new RepaymentCollected(id.toString(), loanId, Amounts.text(amount()), channel(), completedAt());
    }

    PrepaymentCollected prepaymentCollected() {
        return new PrepaymentCollected(id.toString(), loanId, null, null, Amounts.text(amount()), channel(), completedAt());
    }

    RepaymentReversed reversal() {
        return new RepaymentReversed(id.toString(), loanId, reversalReason);
    }

    UUID id() {
        return id;
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

    String cardMasked() {
        return cardMasked;
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
