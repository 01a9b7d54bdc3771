package com.lendflow.limit.creditline;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit line for operations staff: the line as the customer sees it, which application gave
 * it its terms, every application's answer, newest first, and the latest drawdowns' reservations
 * (the latest 100), newest first: what is held, drawn, released or refused.
 */
public record CreditLineHistoryView(CreditLineView line, UUID grantedByApplication, List<GrantView> grants,
                                    List<ReservationView> reservations) {

    static CreditLineHistoryView of(CreditLine line, List<CreditLineGrant> grants, List<LimitReservation> reservations,
                                    LocalDate today) {
        return new CreditLineHistoryView(CreditLineView.of(line, today), line.grantedByApplication(),
                grants.stream().map(GrantView::of).toList(), reservations.stream().map(ReservationView::of).toList());
    }

    /**
     * One drawdown's claim on the line. Rate, grade and {@code availableAfter} are the line's at
     * the moment of reserving (null if refused); the refusal or release reason says why.
     */
    public record ReservationView(UUID drawdownId, String amount, ReservationState state, String annualRate,
                                  String grade, String availableAfter, String refusalCode, String refusalReason,
                                  String releaseReason, Instant reservedAt, Instant occupiedAt, Instant releasedAt) {

        static ReservationView of(LimitReservation reservation) {
            return new ReservationView(reservation.drawdownId(), text(reservation.amount()), reservation.state(),
                    Rates.text(reservation.annualRate()), reservation.grade(),
                    reservation.availableAfter() == null ? null : text(reservation.availableAfter()),
                    reservation.refusalCode() == null ? null : reservation.refusalCode().name(),
                    reservation.refusalReason(), reservation.releaseReason(), reservation.createdAt(),
                    reservation.occupiedAt(), reservation.releasedAt());
        }
    }

    /**
     * One application's answer: what it asked for, the line before and after. A refused
     * application leaves the line as it was, so its {@code after} equals its {@code before}.
     */
    public record GrantView(UUID applicationId, String outcome, String refusalCode, String refusalReason,
                            Terms requested, LocalDate grantedOn, Terms before, Terms after, String occupied,
                            String reserved, Instant decidedAt) {

        static GrantView of(CreditLineGrant grant) {
            Terms before = new Terms(grant.beforeStatus(), text(grant.beforeLimit()), Rates.text(grant.beforeRate()),
                    grant.beforeGrade(), grant.beforeExpiresOn());
            Terms requested = new Terms(CreditLineStatus.ACTIVE, text(grant.creditLimit()), Rates.text(grant.annualRate()),
                    grant.grade(), grant.expiresOn());
            return new GrantView(grant.applicationId(), grant.outcome().name(),
                    grant.refusalCode() == null ? null : grant.refusalCode().name(), grant.refusalReason(), requested,
                    grant.grantedOn(), before, grant.isGranted() ? requested : before, text(grant.occupied()),
                    text(grant.reserved()), grant.decidedAt());
        }
    }

    /** A line's terms at one moment. */
    public record Terms(CreditLineStatus status, String creditLimit, String annualRate, String grade,
                        LocalDate expiresOn) {
    }
}
