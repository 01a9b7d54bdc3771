package com.lendflow.contracts.creditdecision;

import com.lendflow.contracts.MessageType;
import java.util.List;
import java.util.UUID;

/**
 * The drawdown is APPROVE or REJECT, with a machine {@code reasonCode} for a rejection and reasons for staff.
 */
public record DrawdownDecided(UUID drawdownId, String outcome, String reasonCode, List<String> reasons) {

    public static final MessageType<DrawdownDecided> TYPE = MessageType.of("DrawdownDecided", 1, DrawdownDecided.class);
}
