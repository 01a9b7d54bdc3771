package com.lendflow.contracts.loanorder;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A credit-line application reached its end: {@code state} is APPROVED, REJECTED or FAILED; a
 * rejection or failure names the step it stopped at and a machine {@code reasonCode}.
 */
public record CreditApplicationConcluded(UUID applicationId, UUID customerId, String state, String step,
                                         String reasonCode, Instant concludedAt) {

    public static final MessageType<CreditApplicationConcluded> TYPE =
            MessageType.of("CreditApplicationConcluded", 1, CreditApplicationConcluded.class);
}
