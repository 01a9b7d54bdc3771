package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.LimitReservationRefused;
import com.lendflow.contracts.limit.LimitReserved;
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
 * One drawdown's claim on its customer's line, from the reservation (or its refusal) to the
 * occupation or release. The answer to ReserveLimit is fixed when the row is written: a re-sent
 * command gets the same reply, with the rate, grade and available amount of that moment.
 */
@Entity
@Table(name = "limit_reservation")
class LimitReservation {

    private static final int REASON_LENGTH = 500;

    @Id
    @Column(name = "drawdown_id")
    private UUID drawdownId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private UUID customerId;

    @Column(nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationState state;

    @Column(name = "annual_rate", updatable = false, precision = 9, scale = 6)
    private BigDecimal annualRate;

    @Column(name = "risk_grade", updatable = false)
    private String grade;

    @Column(name = "available_after", updatable = false, precision = 19, scale = 2)
    private BigDecimal availableAfter;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_code", updatable = false)
    private ReservationRefusal refusalCode;

    @Column(name = "refusal_reason", updatable = false)
    private String refusalReason;

    @Column(name = "release_reason")
    private String releaseReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "occupied_at")
    private Instant occupiedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Version
    private Long version;

    protected LimitReservation() {
    }

    /** Taken right after {@link CreditLine#reserve} succeeded, so the line shows what is left. */
    static LimitReservation reserved(ReservationRequest request, CreditLine line, LocalDate today, Instant now) {
        LimitReservation reservation = of(request, ReservationState.RESERVED, now);
        reservation.annualRate = line.annualRate();
        reservation.grade = line.grade();
        reservation.availableAfter = line.availableOn(today);
        return reservation;
    }

    static LimitReservation refused(ReservationRequest request, ReservationRefused refusal, Instant now) {
        LimitReservation reservation = of(request, ReservationState.REFUSED, now);
        reservation.refusalCode = refusal.code();
        reservation.refusalReason = refusal.reason();
        return reservation;
    }

    private static LimitReservation of(ReservationRequest request, ReservationState state, Instant now) {
        LimitReservation reservation = new LimitReservation();
        reservation.drawdownId = request.drawdownId();
        reservation.customerId = request.customerId();
        reservation.amount = request.amount();
        reservation.state = state;
        reservation.createdAt = now;
        return reservation;
    }

    /** RESERVED → OCCUPIED. */
    void occupy(Instant now) {
        moveTo(ReservationState.OCCUPIED);
        occupiedAt = now;
    }

    /** RESERVED → RELEASED, with the saga's reason for staff. */
    void release(String reason, Instant now) {
        moveTo(ReservationState.RELEASED);
        releasedAt = now;
        releaseReason = reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    }

    private void moveTo(ReservationState next) {
        if (!state.canTransitionTo(next)) {
            throw new ReservationConflict("the reservation of drawdown %s is %s and cannot become %s"
                    .formatted(drawdownId, state, next));
        }
        state = next;
    }

    boolean isRefused() {
        return state == ReservationState.REFUSED;
    }

    /** The reply to ReserveLimit, the same every time it is asked, whatever happened to the reservation since. */
    LimitReserved reservedReply() {
        return new LimitReserved(drawdownId, customerId, Amounts.text(amount), Rates.text(annualRate), grade,
                Amounts.text(availableAfter));
    }

    LimitReservationRefused refusedReply() {
        return new LimitReservationRefused(drawdownId, refusalCode.name(), refusalReason);
    }

    UUID drawdownId() {
        return drawdownId;
    }

    UUID customerId() {
        return customerId;
    }

    BigDecimal amount() {
        return amount;
    }

    ReservationState state() {
        return state;
    }

    BigDecimal annualRate() {
        return annualRate;
    }

    String grade() {
        return grade;
    }

    BigDecimal availableAfter() {
        return availableAfter;
    }

    ReservationRefusal refusalCode() {
        return refusalCode;
    }

    String refusalReason() {
        return refusalReason;
    }

    String releaseReason() {
        return releaseReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant occupiedAt() {
        return occupiedAt;
    }

    Instant releasedAt() {
        return releasedAt;
    }
}
