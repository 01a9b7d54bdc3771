package com.lendflow.contracts.customer;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer has registered with the platform. Carries no personal data: services that need
 * the customer's identity ask loan-order-service for it.
 */
public record CustomerRegistered(UUID customerId, Instant registeredAt) {

    public static final MessageType<CustomerRegistered> TYPE =
            MessageType.of("CustomerRegistered", 1, CustomerRegistered.class);
}
