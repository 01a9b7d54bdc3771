package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command to limit-service: grant the customer the credit line an approved application earned.
 * {@code creditLimit} is a two-decimal string (CNY), {@code annualRate} a decimal string. A
 * customer has one line: a later approved application updates it rather than adding another.
 * The same application grants once however often the command arrives. Answered by
 * {@link CreditLineGranted} or {@link CreditLineGrantRefused}, keyed by application id.
 */
public record GrantCreditLine(UUID applicationId, UUID customerId, String creditLimit, String annualRate,
                              String grade, LocalDate grantedOn) {

    public static final MessageType<GrantCreditLine> TYPE = MessageType.of("GrantCreditLine", 1, GrantCreditLine.class);
}
