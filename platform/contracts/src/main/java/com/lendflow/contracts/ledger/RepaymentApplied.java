package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Core-ledger applied money to a loan. {@code kind}: REPAYMENT, PREPAYMENT, PAYOFF, CREDIT (credit held
 * applied by end of day), RECOVERY (after write-off). {@code principalRepaid} is the principal it paid
 * off: limit-service restores that much of a revolving line, once per {@code repaymentId}.
 * Amounts are two-decimal strings. {@code settled}: the loan is now paid off.
 */
public record RepaymentApplied(String repaymentId, UUID loanId, UUID customerId, UUID drawdownId, String kind, String amount,
                               String principalRepaid, LocalDate appliedOn, boolean settled) {

    public static final MessageType<RepaymentApplied> TYPE = MessageType.of("RepaymentApplied", 1, RepaymentApplied.class);
}
