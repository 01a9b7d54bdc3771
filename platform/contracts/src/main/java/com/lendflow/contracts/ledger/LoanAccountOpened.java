package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The loan account is open; {@code installments} are the installment totals in order (two-decimal strings).
 */
public record LoanAccountOpened(UUID drawdownId, UUID loanId, UUID customerId, String principal,
                                String totalInterest, List<String> installments, LocalDate firstDueDate) {

    public static final MessageType<LoanAccountOpened> TYPE = MessageType.of("LoanAccountOpened", 1, LoanAccountOpened.class);
}
