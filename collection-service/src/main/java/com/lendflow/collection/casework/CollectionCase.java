package com.lendflow.collection.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A collection case as stored. */
public record CollectionCase(UUID id, UUID customerId, String state, String grade, String bucket, int daysPastDue,
                             BigDecimal amountOverdue, int riskScore, int brokenPromises, String queue, String agentId,
                             String agency, Instant assignedAt, String lockHolder, Instant lockExpiresAt,
                             LocalDate openedOn, Instant openedAt, LocalDate closedOn, Instant closedAt,
                             String closeReason, String closeNote) {

    public boolean open() {
        return "OPEN".equals(state);
    }

    /** Who holds the lock at {@code now}, or null. */
    public String lockHolderAt(Instant now) {
        return lockHolder != null && lockExpiresAt != null && lockExpiresAt.isAfter(now) ? lockHolder : null;
    }
}
