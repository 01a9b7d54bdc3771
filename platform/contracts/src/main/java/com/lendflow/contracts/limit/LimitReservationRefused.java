package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Nothing was reserved: {@code code} for machines (INSUFFICIENT_LIMIT, LINE_NOT_ACTIVE, LINE_EXPIRED,
 * LINE_FROZEN, NO_LINE, INVALID_AMOUNT), {@code reason} for staff.
 */
public record LimitReservationRefused(UUID drawdownId, String code, String reason) {

    public static final MessageType<LimitReservationRefused> TYPE = MessageType.of("LimitReservationRefused", 1, LimitReservationRefused.class);
}
