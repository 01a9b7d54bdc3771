package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/** Everything a loan owed is paid: principal, interest, penalty and fees. */
public record LoanSettled(UUID loanId, UUID customerId, LocalDate settledOn, String principal,
                          String totalInterestPaid, String totalPenaltyPaid, String totalFeesPaid) {

    public static final MessageType<LoanSettled> TYPE = MessageType.of("LoanSettled", 1, LoanSettled.class);
}
