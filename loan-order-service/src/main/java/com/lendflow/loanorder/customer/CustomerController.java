package com.lendflow.loanorder.customer;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The app backend's customer API. A customer-scoped request sees only the customer it names. */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasAuthority('SCOPE_customer')")
class CustomerController {

    private final RegisterCustomerHandler register;
    private final Customers customers;
    private final IdempotentRequests idempotency;

    CustomerController(RegisterCustomerHandler register, Customers customers, IdempotentRequests idempotency) {
        this.register = register;
        this.customers = customers;
        this.idempotency = idempotency;
    }

    /** Registers a customer. A retry with the same Idempotency-Key returns the same customer. */
    @PostMapping
    ResponseEntity<?> register(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                               @Valid @RequestBody RegisterCustomerRequest request) {
        try {
            return idempotency.execute(idempotencyKey, request, () -> {
                CustomerView customer = register.handle(request.toCommand());
                return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(customer);
            });
        } catch (DataIntegrityViolationException raceOnIdNumber) {
            throw ApiProblem.conflict("customer-exists", "a customer with this ID number is already registered");
        }
    }

    @GetMapping("/{id}")
    CustomerView customer(@PathVariable UUID id) {
        ActingCustomer.mayAccess(id, "Customer", id);
        return customers.findById(id).map(CustomerView::of).orElseThrow(() -> ApiProblem.notFound("Customer", id));
    }
}
