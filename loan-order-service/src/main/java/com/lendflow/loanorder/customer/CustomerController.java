package com.lendflow.loanorder.customer;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final RegisterCustomerHandler register;
    private final Customers customers;

    CustomerController(RegisterCustomerHandler register, Customers customers) {
        this.register = register;
        this.customers = customers;
    }

    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody RegisterCustomerRequest request) {
        CustomerView customer;
        try {
            customer = register.handle(request.toCommand());
        } catch (DataIntegrityViolationException raceOnIdNumber) {
            throw ApiProblem.conflict("customer-exists", "a customer with this ID number is already registered");
        }
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(customer);
    }

    @GetMapping("/{id}")
    CustomerView customer(@PathVariable UUID id) {
        return customers.findById(id).map(CustomerView::of).orElseThrow(() -> ApiProblem.notFound("Customer", id));
    }
}
