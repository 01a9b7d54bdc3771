package com.lendflow.limit.creditline;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class CreditLineController {

    private final CreditLines creditLines;

    CreditLineController(CreditLines creditLines) {
        this.creditLines = creditLines;
    }

    @GetMapping("/api/v1/customers/{customerId}/credit-line")
    CreditLineView creditLine(@PathVariable UUID customerId) {
        ActingCustomer.mayAccess(customerId, "Credit line", customerId);
        return creditLines.findById(customerId).map(CreditLineView::of)
                .orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
    }
}
