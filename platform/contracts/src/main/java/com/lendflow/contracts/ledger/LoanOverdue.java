package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An installment was not paid within its grace days and is overdue from {@code overdueOn};
 * penalty interest runs on its unpaid principal from that day. Amounts are two-decimal strings.
 */
public record LoanOverdue(UUID loanId, UUID customerId, int period, LocalDate dueDate, LocalDate overdueOn,
                          String overduePrincipal, String overdueInterest, int daysPastDue) {

    public static final MessageType<LoanOverdue> TYPE = MessageType.of("LoanOverdue", 1, LoanOverdue.class);
}
