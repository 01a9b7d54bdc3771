package com.lendflow.contracts.payment;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The channel said no (or the transfer was refused before sending, e.g. CARD_DAILY_LIMIT,
 * CHANNEL_LIMIT, CARD_NOT_BOUND): no money moved. {@code code} for machines, {@code reason} for staff.
 */
public record DisbursementFailed(UUID drawdownId, String requestNo, String code, String reason) {

    public static final MessageType<DisbursementFailed> TYPE = MessageType.of("DisbursementFailed", 1, DisbursementFailed.class);
}
