package com.lendflow.contracts.loanorder;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A drawdown reached its end: {@code state} DISBURSED (with {@code loanId}) or FAILED (with the step and a reason code).
 */
public record DrawdownConcluded(UUID drawdownId, UUID customerId, String state, String step, String reasonCode,
                                UUID loanId, Instant concludedAt) {

    public static final MessageType<DrawdownConcluded> TYPE = MessageType.of("DrawdownConcluded", 1, DrawdownConcluded.class);
}
