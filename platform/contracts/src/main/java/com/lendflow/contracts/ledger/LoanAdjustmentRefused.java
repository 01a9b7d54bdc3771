package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Core-ledger did not apply an {@link AdjustLoan}: {@code code} for machines (LOAN_NOT_FOUND,
 * LOAN_NOT_ACTIVE, NOTHING_TO_WAIVE, WAIVER_EXCEEDS_OWED, INVALID_ADJUSTMENT), {@code reason} for staff.
 */
public record LoanAdjustmentRefused(String requestId, UUID loanId, String kind, String code, String reason) {

    public static final MessageType<LoanAdjustmentRefused> TYPE = MessageType.of("LoanAdjustmentRefused", 1, LoanAdjustmentRefused.class);
}
