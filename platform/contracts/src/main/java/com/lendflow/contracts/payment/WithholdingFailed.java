package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A collection from the borrower's bound card failed ({@code code}: INSUFFICIENT_FUNDS, CARD_FROZEN,
 * CARD_LIMIT, CHANNEL_REFUSED, CHANNEL_NO_RECORD, NO_CARD), or the money of the attempt that paid was
 * returned by the channel afterwards (RETURNED; its reversal is RepaymentReversed). {@code attempt} counts
 * from 1; {@code willRetry} says whether the withholding plan tries again ({@code nextAttemptOn} the
 * business date, null when not). For notifications and collection's early warning; this message moves no money.
 */
public record WithholdingFailed(String repaymentId, UUID loanId, UUID customerId, String amount, int attempt, String code,
                                String reason, boolean willRetry, LocalDate nextAttemptOn, Instant failedAt) {

    public static final MessageType<WithholdingFailed> TYPE = MessageType.of("WithholdingFailed", 1, WithholdingFailed.class);
}
