package com.lendflow.payment.repayment;

import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.util.UUID;

/** A repayment order as its customer sees it; the card masked. */
record RepaymentOrderView(UUID id, UUID loanId, String mode, String amount, String status, String failureCode,
                          String failureReason, String card, Instant createdAt, Instant completedAt) {

    static RepaymentOrderView of(RepaymentOrder order) {
        return new RepaymentOrderView(order.id(), order.loanId(), order.mode().name(), Amounts.text(order.amount()),
                order.state().status(), order.failureCode(), order.failureReason(), order.cardMasked(),
                order.createdAt(), order.completedAt());
    }
}
