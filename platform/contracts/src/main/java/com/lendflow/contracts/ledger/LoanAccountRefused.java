package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The loan account could not be opened (for example a product rule); money has moved, so staff act on it.
 */
public record LoanAccountRefused(UUID drawdownId, String code, String reason) {

    public static final MessageType<LoanAccountRefused> TYPE = MessageType.of("LoanAccountRefused", 1, LoanAccountRefused.class);
}
