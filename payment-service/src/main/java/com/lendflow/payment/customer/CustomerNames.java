package com.lendflow.payment.customer;

import java.util.Optional;
import java.util.UUID;

/**
 * Customers' real names, owned by loan-order-service. A card is bound only in its holder's name,
 * and the name is checked against the customer's, never taken from the card request.
 */
public interface CustomerNames {

    /**
     * The customer's real name, or empty if loan-order-service has no such customer.
     *
     * @throws CustomerDirectoryUnavailable if loan-order-service cannot say
     */
    Optional<String> realNameOf(UUID customerId);
}
