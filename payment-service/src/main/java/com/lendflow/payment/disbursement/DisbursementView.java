package com.lendflow.payment.disbursement;

import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A disbursement as ops staff investigate it: its state and everything that happened to it. */
record DisbursementView(UUID drawdownId, String requestNo, UUID customerId, UUID cardId, String amount,
                        String fundingPartnerId, String channel, LocalDate businessDate, String state,
                        String failureCode, String failureReason, String channelTransactionId, Instant createdAt,
                        Instant submittedAt, Instant completedAt, Instant nextQueryAt, int queries,
                        List<Step> history) {

    record Step(Instant at, String kind, String outcome, String detail) {
    }

    static DisbursementView of(Disbursement d, List<DisbursementEvent> events) {
        return new DisbursementView(d.drawdownId(), d.requestNo(), d.customerId(), d.cardId(), Amounts.text(d.amount()),
                d.fundingPartnerId(), d.channel(), d.businessDate(), d.state().name(), d.failureCode(),
                d.failureReason(), d.channelTransactionId(), d.createdAt(), d.submittedAt(), d.completedAt(),
                d.nextQueryAt(), d.queries(),
                events.stream().map(e -> new Step(e.occurredAt(), e.kind(), e.outcome(), e.detail())).toList());
    }
}
