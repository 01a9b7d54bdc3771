package com.lendflow.loanorder.customer;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
    private final BlindIndex index;

    CustomerOpsController(Customers customers, AuditTrail audit, BlindIndex index) {
        this.customers = customers;
        this.audit = audit;
        this.index = index;
    }

    /**
     * Finds customers by the exact mobile or the exact name a caller gives (one of the two), newest
     * first, masked. A POST so the mobile or name never lands in a URL, and so in no access log.
     */
    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    CustomerPage search(@Valid @RequestBody SearchRequest request) {
        boolean byMobile = request.mobile() != null && !request.mobile().isBlank();
        boolean byName = request.name() != null && !request.name().isBlank();
        if (byMobile == byName) {
            throw new InvalidRequest(List.of(new FieldViolation(byMobile ? "name" : "mobile", "one-of-mobile-or-name",
                    "give either the mobile or the name, not both and not neither")));
        }
        int size = request.size() == null ? 20 : request.size();
        int page = request.page() == null ? 0 : request.page();
        PageRequest pageRequest = PageRequest.of(page, size, Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id")));
        Page<Customer> found = byMobile ? customers.findByMobileIndex(index.of(request.mobile()), pageRequest)
                : customers.findByNameIndex(index.of(request.name()), pageRequest);
        return new CustomerPage(found.getContent().stream().map(CustomerView::of).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
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

    /** Exactly one of mobile (11 digits, as registered) and name. */
    record SearchRequest(@Pattern(regexp = "1\\d{10}") String mobile, @Size(max = 50) String name,
                         @Min(0) Integer page, @Min(1) @Max(100) Integer size) {
    }

    record CustomerPage(List<CustomerView> items, int page, int size, long totalItems, int totalPages) {
    }

    /** Why the person needs to see the data; kept in the audit trail. */
    record RevealRequest(@NotBlank @Size(min = 10, max = 500) String purpose) {
    }

    /** Unmasked identity, only ever returned by an audited reveal. */
    record CustomerIdentity(UUID id, String name, String mobile, String idNumber) {
    }
}
