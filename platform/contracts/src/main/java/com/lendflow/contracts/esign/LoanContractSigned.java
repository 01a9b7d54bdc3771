package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * The loan contract for the drawdown is signed and archived as document {@code documentId}.
 */
public record LoanContractSigned(UUID drawdownId, UUID customerId, UUID documentId, String sha256, Instant signedAt) {

    public static final MessageType<LoanContractSigned> TYPE = MessageType.of("LoanContractSigned", 1, LoanContractSigned.class);
}
