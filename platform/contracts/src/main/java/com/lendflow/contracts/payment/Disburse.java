package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to payment-service: pay {@code amount} from the funding partner's disbursement account to
 * the customer's bound card through a payment channel. Exactly one transfer per drawdown, under a
 * request number the channel sees, however often the command arrives; an unknown outcome is queried
 * back, never resent. Answered by {@link DisbursementSucceeded} or {@link DisbursementFailed}.
 */
public record Disburse(UUID drawdownId, UUID customerId, UUID cardId, String amount, String fundingPartnerId) {

    public static final MessageType<Disburse> TYPE = MessageType.of("Disburse", 1, Disburse.class);
}
