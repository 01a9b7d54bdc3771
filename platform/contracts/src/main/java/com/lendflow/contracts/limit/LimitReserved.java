package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The amount is reserved on the customer's line. Carries the line's annual rate (decimal string) and
 * risk grade at this moment, which the drawdown is priced and routed with, and what is still
 * available after the reservation.
 */
public record LimitReserved(UUID drawdownId, UUID customerId, String amount, String annualRate, String grade,
                            String availableAfter) {

    public static final MessageType<LimitReserved> TYPE = MessageType.of("LimitReserved", 1, LimitReserved.class);
}
