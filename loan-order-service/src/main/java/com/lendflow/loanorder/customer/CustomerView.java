package com.lendflow.loanorder.customer;

import com.lendflow.platform.web.privacy.Mask;
import java.time.Instant;
import java.util.UUID;

/** A customer as callers see them: personal data masked. */
public record CustomerView(UUID id, String name, String mobile, String idNumber, Instant registeredAt) {

    static CustomerView of(Customer customer) {
        return new CustomerView(customer.id(), Mask.name(customer.name()), Mask.mobile(customer.mobile()),
                Mask.idNumber(customer.idNumber()), customer.registeredAt());
    }
}
