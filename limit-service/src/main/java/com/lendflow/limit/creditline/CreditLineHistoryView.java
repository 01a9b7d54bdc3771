package com.lendflow.limit.creditline;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit line for operations staff: the line as the customer sees it, which application gave
 * it its terms, the freeze that shows on it (null unless frozen), every application's answer,
 * newest first, the latest drawdowns' reservations (the latest 100), newest first: what is held,
 * drawn, released or refused; the latest freezes, unfreezes and lowerings, and the latest
 * repayments' restorations (100 each), newest first.
 */
public record CreditLineHistoryView(CreditLineView line, UUID grantedByApplication, Freeze freeze, List<GrantView> grants,
                                    List<ReservationView> reservations, List<RequestView> requests,
                                    List<RestorationView> restorations) {

    static CreditLineHistoryView of(CreditLine line, List<CreditLineGrant> grants, List<LimitReservation> reservations,
                                    List<CreditLineRequest> requests, List<LimitRestoration> restorations,
                                    LocalDate today) {
        Freeze freeze = line.freezeCode() == null ? null : new Freeze(line.freezeCode(), line.freezeReason(),
                line.frozenBy(), line.frozenAt(), text(line.overOccupied()));
        return new CreditLineHistoryView(CreditLineView.of(line, today), line.grantedByApplication(), freeze,
                grants.stream().map(GrantView::of).toList(), reservations.stream().map(ReservationView::of).toList(),
                requests.stream().map(RequestView::of).toList(), restorations.stream().map(RestorationView::of).toList());
    }

    /** The oldest freeze still holding, with the staff's reason; {@code overOccupied} is above 0.00 only with OVER_OCCUPIED. */
    public record Freeze(String code, String reason, String frozenBy, Instant frozenAt, String overOccupied) {
    }

    /**
     * One freeze, unfreeze or lowering. A freeze shows when and by what it was lifted (null while it
     * holds); an unfreeze the codes it lifted; a lowering the limit asked for and the limits before and after.
     */
    public record RequestView(String requestId, String kind, String code, String reason, String requestedBy,
                              Instant requestedAt, CreditLineStatus statusAfter, String requestedLimit, String fromLimit,
                              String toLimit, String liftedCodes, String liftedBy, Instant liftedAt) {

        static RequestView of(CreditLineRequest request) {
            return new RequestView(request.requestId(), request.kind().name(), request.code(), request.reason(),
                    request.requestedBy(), request.requestedAt(), request.statusAfter(), money(request.requestedLimit()),
                    money(request.fromLimit()), money(request.toLimit()), request.liftedCodes(), request.liftedByRequest(),
                    request.liftedAt());
        }
    }

    /**
     * One repayment's restore: the principal it repaid, what it made available again (less when the
     * drawdown had less drawn, nothing for a recovery after write-off, see {@code note}), and, if it
     * was reversed, what was occupied again and how much of that went over the limit.
     */
    public record RestorationView(String repaymentId, UUID loanId, UUID drawdownId, String kind, String principal,
                                  String restored, String note, Instant restoredAt, String reoccupied, String shortfall,
                                  Instant reversedAt, String reversalReason) {

        static RestorationView of(LimitRestoration restoration) {
            return new RestorationView(restoration.repaymentId(), restoration.loanId(), restoration.drawdownId(),
                    restoration.kind(), text(restoration.principal()), text(restoration.restored()), restoration.note(),
                    restoration.restoredAt(), text(restoration.reoccupied()), text(restoration.shortfall()),
                    restoration.reversedAt(), restoration.reversalReason());
        }
    }

    private static String money(java.math.BigDecimal amount) {
        return amount == null ? null : text(amount);
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
