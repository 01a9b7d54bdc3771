package com.lendflow.loanorder.customer;

import com.lendflow.platform.security.crypto.BlindIndex;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may ask about a customer's identity, without seeing it: whether the
 * customer is registered, and whether an ID number is the one they registered with. The answer
 * comes from the blind index, so nothing is decrypted to answer it.
 */
@Component
public class CustomerIdentities {

    private final Customers customers;
    private final BlindIndex index;

    CustomerIdentities(Customers customers, BlindIndex index) {
        this.customers = customers;
        this.index = index;
    }

    @Transactional(readOnly = true)
    public IdentityCheck check(UUID customerId, String idNumber) {
        return customers.findIdNumberIndexById(customerId)
                .map(registered -> registered.equals(index.of(idNumber)) ? IdentityCheck.MATCHES : IdentityCheck.ID_NUMBER_DIFFERS)
                .orElse(IdentityCheck.NOT_REGISTERED);
    }

    public enum IdentityCheck {
        MATCHES, ID_NUMBER_DIFFERS, NOT_REGISTERED
    }
}
