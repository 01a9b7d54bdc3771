package com.lendflow.loanorder.customer;

import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's real name for other Lendflow services, which call with their own token (scope
 * internal, required for /internal/** by the platform's security; the gateway does not route it).
 * payment-service binds a bank card only in its holder's own name and compares it with this one;
 * only the name leaves there, never the ID number; {@code /contact} adds the mobile for callers that must
 * reach the borrower (collection-service). Nothing may cache either.
 */
@RestController
class CustomerInternalController {

    private final Customers customers;
    private final CustomerContacts contacts;

    CustomerInternalController(Customers customers, CustomerContacts contacts) {
        this.customers = customers;
        this.contacts = contacts;
    }

    @GetMapping("/internal/v1/customers/{id}")
    ResponseEntity<RealName> realName(@PathVariable UUID id) {
        Customer customer = customers.findById(id).orElseThrow(() -> ApiProblem.notFound("Customer", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RealName(customer.id(), customer.name()));
    }

    /**
     * How to reach the borrower, for collection-service and notifications: mobile and real name
     * whole, since the caller must dial and address them. Never cached, never logged.
     */
    @GetMapping("/internal/v1/customers/{id}/contact")
    ResponseEntity<CustomerContacts.Contact> contact(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(contacts.of(id).orElseThrow(() -> ApiProblem.notFound("Customer", id)));
    }

    /** The name stays out of toString, so no log line of this answer holds it. */
    record RealName(UUID id, String name) {

        @Override
        public String toString() {
            return "RealName[id=" + id + "]";
        }
    }
}
