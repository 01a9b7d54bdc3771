package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * The authorisation (or, with a drawdown id as {@code applicationId}, the loan contract) could not be
 * signed; {@code reason} is for staff, {@code code} for machines (for example PROVIDER_REFUSED,
 * PROVIDER_UNAVAILABLE, or INVALID_COMMAND for a command whose terms cannot be printed).
 */
public record SigningFailed(UUID applicationId, String code, String reason) {

    public static final MessageType<SigningFailed> TYPE = MessageType.of("SigningFailed", 1, SigningFailed.class);
}
