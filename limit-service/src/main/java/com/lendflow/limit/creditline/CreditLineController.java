package com.lendflow.limit.creditline;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class CreditLineController {

    private final CreditLines creditLines;
    private final CreditLineSettings settings;
    private final Clock clock;

    CreditLineController(CreditLines creditLines, CreditLineSettings settings, Clock clock) {
        this.creditLines = creditLines;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/{customerId}/credit-line")
    CreditLineView creditLine(@PathVariable UUID customerId) {
        ActingCustomer.mayAccess(customerId, "Credit line", customerId);
        return creditLines.findById(customerId).map(line -> CreditLineView.of(line, settings.today(clock)))
                .orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
    }
}
