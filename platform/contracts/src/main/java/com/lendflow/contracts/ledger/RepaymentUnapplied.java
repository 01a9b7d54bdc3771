package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A repayment was reversed (the channel returned the funds): the loan owes again what it paid, and
 * limit-service occupies {@code principalRestored} again, once per {@code repaymentId}.
 */
public record RepaymentUnapplied(String repaymentId, UUID loanId, UUID customerId, UUID drawdownId, String principalRestored,
                                 LocalDate reversedOn, String reason) {

    public static final MessageType<RepaymentUnapplied> TYPE = MessageType.of("RepaymentUnapplied", 1, RepaymentUnapplied.class);
}
