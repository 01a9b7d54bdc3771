package com.lendflow.payment.repayment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Auto-withholding (代扣) of one installment: attempts on the plan's business days until one
 * collects, nothing is due any more, or the plan runs out.
 */
@Entity
@Table(name = "withholding")
class Withholding {

    @Id
    private UUID id;

    @Column(name = "loan_id", nullable = false, updatable = false)
    private UUID loanId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(nullable = false, updatable = false)
    private int period;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "amount_due", nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amountDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WithholdingState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_on")
    private LocalDate nextAttemptOn;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "attempting_since")
    private Instant attemptingSince;

    @Column(name = "current_order_id")
    private UUID currentOrderId;

    @Column(name = "stop_reason")
    private String stopReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Withholding() {
    }

    static Withholding scheduled(UUID loanId, UUID customerId, int period, LocalDate dueDate, BigDecimal amountDue,
                                 Instant now) {
        Withholding withholding = new Withholding();
        withholding.id = UUID.randomUUID();
        withholding.loanId = loanId;
        withholding.customerId = customerId;
        withholding.period = period;
        withholding.dueDate = dueDate;
        withholding.amountDue = amountDue;
        withholding.state = WithholdingState.SCHEDULED;
        withholding.nextAttemptOn = dueDate;
        withholding.createdAt = now;
        withholding.updatedAt = now;
        return withholding;
    }

    /** Takes the withholding for an attempt; false if it is not due or someone else took it. */
    boolean claim(LocalDate today, Instant now) {
        if (state != WithholdingState.SCHEDULED || nextAttemptOn.isAfter(today)
                || (nextAttemptAt != null && nextAttemptAt.isAfter(now))) {
            return false;
        }
        state = WithholdingState.ATTEMPTING;
        attemptingSince = now;
        updatedAt = now;
        return true;
    }

    /** The attempt could not run now (core-ledger silent, another collection in flight): later, uncounted. */
    void postpone(Instant at, Instant now) {
        requireState(WithholdingState.ATTEMPTING);
        state = WithholdingState.SCHEDULED;
        nextAttemptAt = at;
        attemptingSince = null;
        updatedAt = now;
    }

    void stop(WithholdingState finalState, String reason, Instant now) {
        requireState(WithholdingState.ATTEMPTING);
        state = finalState;
        stopReason = reason;
        nextAttemptOn = null;
        nextAttemptAt = null;
        attemptingSince = null;
        updatedAt = now;
    }

    /** An attempt's collection is recorded: counted from here. */
    int collecting(UUID orderId, Instant now) {
        requireState(WithholdingState.ATTEMPTING);
        attempts++;
        state = WithholdingState.COLLECTING;
        currentOrderId = orderId;
        attemptingSince = null;
        updatedAt = now;
        return attempts;
    }

    void paid(Instant now) {
        requireState(WithholdingState.COLLECTING);
        state = WithholdingState.PAID;
        nextAttemptOn = null;
        nextAttemptAt = null;
        stopReason = null;
        updatedAt = now;
    }

    /**
     * The current attempt failed: the next one on the plan is scheduled (a same-day one after
     * {@code sameDayDelay}), or the plan is done.
     *
     * @return the business date of the next attempt; empty when none will be made
     */
    Optional<LocalDate> attemptFailed(List<Integer> plan, LocalDate today, Duration sameDayDelay, String reason,
                                      Instant now) {
        requireState(WithholdingState.COLLECTING);
        return nextAttempt(plan, today, sameDayDelay, reason, now);
    }

    /**
     * The channel returned the money of the attempt that paid (a bounced debit, a disputed one): the
     * installment is owed again, so the plan goes on as if that attempt had failed. Only the paying
     * order's return counts, and only once.
     *
     * @return the business date of the next attempt; empty when none will be made or this return
     *         was already taken (or is not the paying attempt's)
     */
    Optional<LocalDate> paidAttemptReturned(UUID orderId, List<Integer> plan, LocalDate today, Duration sameDayDelay,
                                            String reason, Instant now) {
        if (state != WithholdingState.PAID || !orderId.equals(currentOrderId)) {
            return Optional.empty();
        }
        return nextAttempt(plan, today, sameDayDelay, "the collected money was returned: " + reason, now);
    }

    private Optional<LocalDate> nextAttempt(List<Integer> plan, LocalDate today, Duration sameDayDelay, String reason,
                                            Instant now) {
        updatedAt = now;
        if (attempts >= plan.size()) {
            state = WithholdingState.EXHAUSTED;
            stopReason = "all " + plan.size() + " attempts of the plan failed; the last: " + reason;
            nextAttemptOn = null;
            nextAttemptAt = null;
            return Optional.empty();
        }
        int next = plan.get(attempts);
        LocalDate on = dueDate.plusDays(next);
        nextAttemptOn = on.isBefore(today) ? today : on;
        nextAttemptAt = next == plan.get(attempts - 1) ? now.plus(sameDayDelay) : null;
        state = WithholdingState.SCHEDULED;
        return Optional.of(nextAttemptOn);
    }

    /** An attempt that died between its claim and recording a collection may run again. */
    boolean releaseIfStuck(Instant before, Instant now) {
        if (state != WithholdingState.ATTEMPTING || attemptingSince == null || !attemptingSince.isBefore(before)) {
            return false;
        }
        state = WithholdingState.SCHEDULED;
        attemptingSince = null;
        updatedAt = now;
        return true;
    }

    private void requireState(WithholdingState expected) {
        if (state != expected) {
            throw new IllegalStateException("withholding " + id + " is " + state + ", not " + expected);
        }
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

    int period() {
        return period;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    BigDecimal amountDue() {
        return amountDue;
    }

    WithholdingState state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    LocalDate nextAttemptOn() {
        return nextAttemptOn;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    UUID currentOrderId() {
        return currentOrderId;
    }

    String stopReason() {
        return stopReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
