package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment channel collected money to pay a loan ahead: core-ledger applies it as a prepayment
 * once per {@code repaymentId}. {@code principal} null is a full payoff (结清); otherwise the
 * principal prepaid, the rest reshaped as {@code reshape} (SHORTEN_TERM or LOWER_INSTALLMENT).
 * Amounts are two-decimal strings; {@code amount} is what was collected (the quote's total).
 */
public record PrepaymentCollected(String repaymentId, UUID loanId, String principal, String reshape, String amount, String channel,
                                  Instant collectedAt) {

    public static final MessageType<PrepaymentCollected> TYPE = MessageType.of("PrepaymentCollected", 1, PrepaymentCollected.class);
}
