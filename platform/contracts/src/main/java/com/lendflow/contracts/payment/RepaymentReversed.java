package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/** The channel took back a repayment it had reported collected (a chargeback, a failed settlement). */
public record RepaymentReversed(String repaymentId, UUID loanId, String reason) {

    public static final MessageType<RepaymentReversed> TYPE =
            MessageType.of("RepaymentReversed", 1, RepaymentReversed.class);
}
