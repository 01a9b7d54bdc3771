package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/** The authorisation could not be signed; {@code reason} is for staff, {@code code} for machines. */
public record SigningFailed(UUID applicationId, String code, String reason) {

    public static final MessageType<SigningFailed> TYPE = MessageType.of("SigningFailed", 1, SigningFailed.class);
}
