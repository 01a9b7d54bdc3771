package com.lendflow.loanorder.customer;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Registers a customer and announces it, in one transaction. */
@Component
class RegisterCustomerHandler {

    private final Customers customers;
    private final Outbox outbox;
    private final BlindIndex index;
    private final Clock clock;

    RegisterCustomerHandler(Customers customers, Outbox outbox, BlindIndex index, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.index = index;
        this.clock = clock;
    }

    @Transactional
    public CustomerView handle(RegisterCustomer command) {
        String idNumberIndex = index.of(command.idNumber());
        if (customers.existsByIdNumberIndex(idNumberIndex)) {
            // The existing customer's id is not echoed: the caller may not be entitled to it.
            throw ApiProblem.conflict("customer-exists", "a customer with this ID number is already registered");
        }
        Customer customer = customers.save(Customer.register(command, index, clock.instant()));
        outbox.publish(Topics.LOAN_ORDER_CUSTOMER, customer.id().toString(), CustomerRegistered.TYPE,
                customer.registered());
        return CustomerView.of(customer);
    }
}
