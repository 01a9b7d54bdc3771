package com.lendflow.limit.creditline;

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
 * A customer's one credit line. It is opened empty (on registration, or by the first grant if
 * that comes first) and takes the terms of each approved application in turn.
 */
@Entity
@Table(name = "credit_line")
class CreditLine {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CreditLineStatus status;

    @Column(name = "credit_limit", nullable = false, precision = 19, scale = 2)
    private BigDecimal creditLimit;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal occupied;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal reserved;

    @Column(name = "annual_rate", precision = 9, scale = 6)
    private BigDecimal annualRate;

    @Column(name = "risk_grade")
    private String grade;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "granted_by_application")
    private UUID grantedByApplication;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "freeze_code")
    private String freezeCode;

    @Column(name = "freeze_reason")
    private String freezeReason;

    @Column(name = "frozen_by")
    private String frozenBy;

    @Column(name = "frozen_at")
    private Instant frozenAt;

    /** How far a reversed repayment took occupied + reserved over the limit; only while frozen OVER_OCCUPIED. */
    @Column(name = "over_occupied", nullable = false, precision = 19, scale = 2)
    private BigDecimal overOccupied;

    @Version
    private long version;

    protected CreditLine() {
    }

    /**
     * Gives the line the terms of an approved application: its limit, rate and grade, active
     * until {@code terms.expiresOn()}. What is already drawn or reserved stays; the new limit
     * must cover it.
     *
     * @return the history row of this grant, with the line as it was before
     * @throws GrantRefused if the line is frozen or the new limit is below what is in use
     */
    CreditLineGrant grant(GrantTerms terms, Instant now) {
        if (status == CreditLineStatus.FROZEN) {
            throw new GrantRefused(GrantRefusal.LINE_FROZEN,
                    "the customer's credit line is frozen; it can take new terms only after it is unfrozen");
        }
        BigDecimal inUse = occupied.add(reserved);
        if (terms.creditLimit().compareTo(inUse) < 0) {
            throw new GrantRefused(GrantRefusal.LIMIT_BELOW_USAGE,
                    "the new limit %s is below the %s already in use (%s drawn, %s reserved); grant at least %s or wait until it is repaid"
                            .formatted(terms.creditLimit().toPlainString(), inUse.toPlainString(), occupied.toPlainString(),
                                    reserved.toPlainString(), inUse.toPlainString()));
        }
        CreditLineGrant granted = CreditLineGrant.granted(this, terms, now);
        status = CreditLineStatus.ACTIVE;
        creditLimit = terms.creditLimit();
        annualRate = terms.annualRate();
        grade = terms.grade();
        expiresOn = terms.expiresOn();
        grantedAt = now;
        grantedByApplication = terms.applicationId();
        return granted;
    }

    /**
     * Sets {@code amount} aside for a drawdown. The caller holds the line's row lock, so drawdowns
     * racing for the same line each see what the others reserved: occupied + reserved never
     * exceeds the limit, whatever the concurrency (the table's check constraint is the backstop).
     *
     * @throws ReservationRefused if the line is not active as of {@code today} or has too little available
     */
    void reserve(BigDecimal amount, LocalDate today) {
        switch (statusOn(today)) {
            case NOT_ACTIVATED -> throw new ReservationRefused(ReservationRefusal.LINE_NOT_ACTIVE,
                    "the customer's credit line has not been activated; an approved credit-line application must grant it first");
            case FROZEN -> throw new ReservationRefused(ReservationRefusal.LINE_FROZEN, FreezeCode.noticeFor(freezeCode));
            case EXPIRED -> throw new ReservationRefused(ReservationRefusal.LINE_EXPIRED,
                    "the customer's credit line expired on %s; a new credit-line application must renew it".formatted(expiresOn));
            case ACTIVE -> {
            }
        }
        BigDecimal available = availableOn(today);
        if (amount.compareTo(available) > 0) {
            throw new ReservationRefused(ReservationRefusal.INSUFFICIENT_LIMIT,
                    "the drawdown of %s exceeds the %s available (limit %s, %s drawn, %s reserved)".formatted(
                            amount.toPlainString(), available.toPlainString(), creditLimit.toPlainString(),
                            occupied.toPlainString(), reserved.toPlainString()));
        }
        reserved = reserved.add(amount);
    }

    /**
     * A reservation's drawdown was disbursed: its amount moves from reserved to occupied. Runs
     * whatever the line's status now: the money has left, a freeze since then cannot undo that.
     */
    void occupy(BigDecimal amount) {
        takeFromReserved(amount);
        occupied = occupied.add(amount);
    }

    /** A reservation's drawdown failed: its amount is available again. */
    void release(BigDecimal amount) {
        takeFromReserved(amount);
    }

    /**
     * A repayment paid off {@code amount} of principal: that much is no longer drawn. What it pays
     * beyond an over-occupation (see {@link #reoccupy}) is available again once the line is unfrozen.
     */
    void restore(BigDecimal amount) {
        if (occupied.compareTo(amount) < 0) {
            throw new IllegalStateException("line of customer %s has only %s occupied, cannot restore %s"
                    .formatted(customerId, occupied.toPlainString(), amount.toPlainString()));
        }
        occupied = occupied.subtract(amount);
        overOccupied = shortfall();
    }

    /**
     * A repayment was reversed: {@code amount} is drawn again, whatever the limit. If the customer
     * drew the restored limit again meanwhile, occupied + reserved ends above the limit; the
     * excess is kept as {@link #overOccupied()} and the caller must freeze the line OVER_OCCUPIED.
     *
     * @return by how much the line is now over its limit (zero if it is within it)
     */
    BigDecimal reoccupy(BigDecimal amount) {
        occupied = occupied.add(amount);
        overOccupied = shortfall();
        return overOccupied;
    }

    /** How far over its limit {@link #reoccupy} of {@code amount} would take the line. */
    BigDecimal shortfallAfterReoccupying(BigDecimal amount) {
        BigDecimal over = occupied.add(amount).add(reserved).subtract(creditLimit);
        return over.signum() > 0 ? over.setScale(2) : ZERO;
    }

    private BigDecimal shortfall() {
        BigDecimal over = occupied.add(reserved).subtract(creditLimit);
        return over.signum() > 0 ? over : ZERO;
    }

    /**
     * Lowers the limit towards {@code requested}, never below what is drawn and reserved and never
     * above the limit it has (raising takes a new credit application).
     *
     * @return the limit now
     */
    BigDecimal lower(BigDecimal requested) {
        BigDecimal floor = occupied.add(reserved);
        BigDecimal target = requested.max(floor).min(creditLimit);
        creditLimit = target.setScale(2);
        return creditLimit;
    }

    /**
     * Sets the line's status from the freezes that hold, oldest first: frozen with the oldest one's
     * code, reason, requester and time while any holds; otherwise active again if it was ever
     * granted (an expired grant then reads EXPIRED), not activated if not.
     */
    void freezesHolding(java.util.List<CreditLineRequest> holding) {
        if (!holding.isEmpty()) {
            CreditLineRequest oldest = holding.getFirst();
            status = CreditLineStatus.FROZEN;
            freezeCode = oldest.code();
            freezeReason = oldest.reason();
            frozenBy = oldest.requestedBy();
            frozenAt = oldest.requestedAt();
            return;
        }
        if (overOccupied.signum() > 0) {
            throw new IllegalStateException("line of customer %s is %s over its limit and cannot be unfrozen"
                    .formatted(customerId, overOccupied.toPlainString()));
        }
        status = grantedAt == null ? CreditLineStatus.NOT_ACTIVATED : CreditLineStatus.ACTIVE;
        freezeCode = null;
        freezeReason = null;
        frozenBy = null;
        frozenAt = null;
    }

    private void takeFromReserved(BigDecimal amount) {
        if (reserved.compareTo(amount) < 0) {
            throw new IllegalStateException("line of customer %s holds only %s reserved, cannot take %s from it"
                    .formatted(customerId, reserved.toPlainString(), amount.toPlainString()));
        }
        reserved = reserved.subtract(amount);
    }

    /**
     * The status as of {@code today}: an active line past its expiry date reads EXPIRED. Expiry
     * is read, not swept: nothing has to run at midnight for a line to stop being usable.
     */
    CreditLineStatus statusOn(LocalDate today) {
        if (status == CreditLineStatus.ACTIVE && expiresOn != null && expiresOn.isBefore(today)) {
            return CreditLineStatus.EXPIRED;
        }
        return status;
    }

    /** What the customer can still draw as of {@code today}: nothing unless the line is active. */
    BigDecimal availableOn(LocalDate today) {
        if (statusOn(today) != CreditLineStatus.ACTIVE) {
            return ZERO;
        }
        return creditLimit.subtract(occupied).subtract(reserved);
    }

    UUID customerId() {
        return customerId;
    }

    CreditLineStatus status() {
        return status;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    BigDecimal occupied() {
        return occupied;
    }

    BigDecimal reserved() {
        return reserved;
    }

    BigDecimal annualRate() {
        return annualRate;
    }

    String grade() {
        return grade;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    UUID grantedByApplication() {
        return grantedByApplication;
    }

    Instant openedAt() {
        return openedAt;
    }

    String freezeCode() {
        return freezeCode;
    }

    String freezeReason() {
        return freezeReason;
    }

    String frozenBy() {
        return frozenBy;
    }

    Instant frozenAt() {
        return frozenAt;
    }

    BigDecimal overOccupied() {
        return overOccupied;
    }
}
