package com.lendflow.contracts.limit;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/** The line could not be granted (for example it is frozen); {@code code} for machines, {@code reason} for staff. */
public record CreditLineGrantRefused(UUID applicationId, String code, String reason) {

    public static final MessageType<CreditLineGrantRefused> TYPE =
            MessageType.of("CreditLineGrantRefused", 1, CreditLineGrantRefused.class);
}
