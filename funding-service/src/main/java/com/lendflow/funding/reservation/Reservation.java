package com.lendflow.funding.reservation;

import com.lendflow.contracts.funding.FundingRefused;
import com.lendflow.contracts.funding.FundingReserved;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What became of one drawdown's ReserveFunding, kept for good: the reservation and where it went,
 * or the refusal. Re-sent commands are answered from here.
 */
record Reservation(UUID drawdownId, UUID customerId, String partnerId, String partnerName, LocalDate businessDate,
                   BigDecimal amount, Status status, BigDecimal remainingAfter, Refusal refusalCode,
                   String refusalReason, Instant reservedAt) {

    enum Status { RESERVED, CONFIRMED, RELEASED, REFUSED }

    static Reservation reserved(UUID drawdownId, UUID customerId, String partnerId, String partnerName,
                                LocalDate date, BigDecimal amount, BigDecimal remainingAfter, Instant at) {
        return new Reservation(drawdownId, customerId, partnerId, partnerName, date, amount, Status.RESERVED,
                remainingAfter, null, null, at);
    }

    static Reservation refused(UUID drawdownId, UUID customerId, String partnerId, LocalDate date, BigDecimal amount,
                               Refusal code, String reason, Instant at) {
        return new Reservation(drawdownId, customerId, partnerId, null, date, amount, Status.REFUSED, null, code,
                reason, at);
    }

    boolean isRefused() {
        return status == Status.REFUSED;
    }

    /** The answer to ReserveFunding, the same every time it is asked, whatever happened to the reservation since. */
    FundingReserved reservedReply() {
        return new FundingReserved(drawdownId, partnerId, partnerName, Amounts.text(amount), businessDate,
                Amounts.text(remainingAfter));
    }

    FundingRefused refusedReply() {
        return new FundingRefused(drawdownId, partnerId, refusalCode.name(), refusalReason);
    }
}
