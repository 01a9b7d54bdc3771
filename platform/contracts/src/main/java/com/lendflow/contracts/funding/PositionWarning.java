package com.lendflow.contracts.funding;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;

/**
 * A partner's position for the day has reached the warning level (90% of the plan by default).
 */
public record PositionWarning(String partnerId, LocalDate businessDate, String plan, String used, int percentUsed) {

    public static final MessageType<PositionWarning> TYPE = MessageType.of("PositionWarning", 1, PositionWarning.class);
}
