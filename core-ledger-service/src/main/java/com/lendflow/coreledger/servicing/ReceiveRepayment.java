package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Apply money a payment channel collected for a loan. {@code repaymentId} is the payment side's id
 * of the collection and the idempotency key of the application.
 */
public record ReceiveRepayment(String repaymentId, UUID loanId, BigDecimal amount, String channel,
                               Instant receivedAt) {
}
