package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The customer's credit line is active with this limit, rate and grade until {@code expiresOn}. */
public record CreditLineGranted(UUID applicationId, UUID customerId, String creditLimit, String annualRate,
                                String grade, LocalDate expiresOn, Instant grantedAt) {

    public static final MessageType<CreditLineGranted> TYPE =
            MessageType.of("CreditLineGranted", 1, CreditLineGranted.class);
}
