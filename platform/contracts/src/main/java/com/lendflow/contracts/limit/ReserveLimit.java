package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to limit-service: reserve {@code amount} (two-decimal string, CNY) of the customer's line for
 * a drawdown. Reserving never lets occupied + reserved exceed the limit, however many drawdowns race.
 * Once per drawdown however often it arrives. Answered by {@link LimitReserved} or
 * {@link LimitReservationRefused}, keyed by drawdown id.
 */
public record ReserveLimit(UUID drawdownId, UUID customerId, String amount) {

    public static final MessageType<ReserveLimit> TYPE = MessageType.of("ReserveLimit", 1, ReserveLimit.class);
}
