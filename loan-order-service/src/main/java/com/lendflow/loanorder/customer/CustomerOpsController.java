package com.lendflow.loanorder.customer;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers as ops staff see them: masked for everyday work; whole only when a supervisor or an
 * administrator states why, and then the reveal is audited before the data leaves.
 */
@RestController
@RequestMapping("/ops/v1/customers")
class CustomerOpsController {

    private final Customers customers;
    private final AuditTrail audit;

    CustomerOpsController(Customers customers, AuditTrail audit) {
        this.customers = customers;
        this.audit = audit;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    CustomerView customer(@PathVariable UUID id) {
        return customers.findById(id).map(CustomerView::of).orElseThrow(() -> ApiProblem.notFound("Customer", id));
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'ADMIN')")
    @Transactional
    ResponseEntity<CustomerIdentity> reveal(@PathVariable UUID id, @Valid @RequestBody RevealRequest request) {
        Customer customer = customers.findById(id).orElseThrow(() -> ApiProblem.notFound("Customer", id));
        audit.record(new AuditEntry("customer.reveal", "customer", id.toString(), null,
                Map.of("revealed", List.of("name", "mobile", "idNumber")), request.purpose()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CustomerIdentity(customer.id(), customer.name(), customer.mobile(), customer.idNumber()));
    }

    /** Why the person needs to see the data; kept in the audit trail. */
    record RevealRequest(@NotBlank @Size(min = 10, max = 500) String purpose) {
    }

    /** Unmasked identity, only ever returned by an audited reveal. */
    record CustomerIdentity(UUID id, String name, String mobile, String idNumber) {
    }
}
