package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The authorisation for an application is signed and archived as document {@code documentId}. */
public record AuthorisationSigned(UUID applicationId, UUID customerId, UUID documentId, String sha256,
                                  Instant signedAt) {

    public static final MessageType<AuthorisationSigned> TYPE =
            MessageType.of("AuthorisationSigned", 1, AuthorisationSigned.class);
}
