package com.lendflow.limit.creditline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One repayment's restore of its customer's line, once per repayment id, and its reversal if the
 * money came back. With the line's reservations it explains what the line has occupied:
 * the OCCUPIED drawdowns, less what was restored, plus what reversals re-occupied.
 */
@Entity
@Table(name = "limit_restoration")
class LimitRestoration {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    @Id
    @Column(name = "repayment_id")
    private String repaymentId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(name = "loan_id", updatable = false)
    private UUID loanId;

    @Column(name = "drawdown_id", updatable = false)
    private UUID drawdownId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal principal;

    @Column(nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal restored;

    @Column(updatable = false)
    private String note;

    @Column(name = "restored_at", nullable = false, updatable = false)
    private Instant restoredAt;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal reoccupied;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal shortfall;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversal_reason")
    private String reversalReason;

    protected LimitRestoration() {
    }

    static LimitRestoration of(String repaymentId, UUID customerId, UUID loanId, UUID drawdownId, String kind,
                               BigDecimal principal, BigDecimal restored, String note, Instant now) {
        LimitRestoration restoration = new LimitRestoration();
        restoration.repaymentId = repaymentId;
        restoration.customerId = customerId;
        restoration.loanId = loanId;
        restoration.drawdownId = drawdownId;
        restoration.kind = kind;
        restoration.principal = principal;
        restoration.restored = restored;
        restoration.note = note;
        restoration.restoredAt = now;
        restoration.reoccupied = NOTHING;
        restoration.shortfall = NOTHING;
        return restoration;
    }

    /**
     * A reversal that came before (or without) its repayment: nothing was restored, nothing is
     * re-occupied, and the repayment id is spent, so a late RepaymentApplied restores nothing.
     */
    static LimitRestoration reversedUnseen(String repaymentId, UUID customerId, UUID loanId, UUID drawdownId,
                                           String reason, Instant now) {
        LimitRestoration restoration = of(repaymentId, customerId, loanId, drawdownId, "UNSEEN", NOTHING, NOTHING,
                "reversed before limit-service saw it applied; nothing to re-occupy", now);
        restoration.reverse(NOTHING, NOTHING, reason, now);
        return restoration;
    }

    void reverse(BigDecimal reoccupied, BigDecimal shortfall, String reason, Instant now) {
        if (reversedAt != null) {
            throw new IllegalStateException("repayment " + repaymentId + " is reversed already");
        }
        this.reoccupied = reoccupied;
        this.shortfall = shortfall;
        this.reversalReason = reason == null || reason.isBlank() ? "reversed" : truncate(reason);
        this.reversedAt = now;
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    boolean isReversed() {
        return reversedAt != null;
    }

    String repaymentId() {
        return repaymentId;
    }

    UUID customerId() {
        return customerId;
    }

    UUID loanId() {
        return loanId;
    }

    UUID drawdownId() {
        return drawdownId;
    }

    String kind() {
        return kind;
    }

    BigDecimal principal() {
        return principal;
    }

    BigDecimal restored() {
        return restored;
    }

    String note() {
        return note;
    }

    Instant restoredAt() {
        return restoredAt;
    }

    BigDecimal reoccupied() {
        return reoccupied;
    }

    BigDecimal shortfall() {
        return shortfall;
    }

    Instant reversedAt() {
        return reversedAt;
    }

    String reversalReason() {
        return reversalReason;
    }
}
