package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An installment falls due on {@code dueDate} (the business date end of day moved to):
 * auto-withholding and reminders start from it. {@code amountDue} is what is left to pay on it,
 * a two-decimal string.
 */
public record InstallmentDue(UUID loanId, UUID customerId, int period, LocalDate dueDate, String amountDue) {

    public static final MessageType<InstallmentDue> TYPE = MessageType.of("InstallmentDue", 1, InstallmentDue.class);
}
