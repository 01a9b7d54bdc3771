package com.lendflow.loanorder.customer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How other features of this service reach a customer: the mobile and name, decrypted, never logged. */
@Component
public class CustomerContacts {

    private final Customers customers;

    CustomerContacts(Customers customers) {
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> of(UUID customerId) {
        return customers.findById(customerId).map(c -> new Contact(c.id(), c.mobile(), c.name()));
    }

    /** Mobile and name stay out of toString, so no log line holds them. */
    public record Contact(UUID customerId, String mobile, String realName) {

        @Override
        public String toString() {
            return "Contact[customerId=" + customerId + "]";
        }
    }
}
