package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment channel collected a borrower's repayment for a loan. {@code repaymentId} identifies the
 * collection: core-ledger applies it once however often it is delivered. {@code amount} is a
 * two-decimal string.
 */
public record RepaymentCollected(String repaymentId, UUID loanId, String amount, String channel, Instant collectedAt) {

    public static final MessageType<RepaymentCollected> TYPE =
            MessageType.of("RepaymentCollected", 1, RepaymentCollected.class);
}
