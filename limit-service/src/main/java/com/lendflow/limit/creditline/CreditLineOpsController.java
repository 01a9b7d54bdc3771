package com.lendflow.limit.creditline;

import com.lendflow.platform.web.ApiProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's credit line with its grant history and reservations, for staff explaining a limit or a refusal. */
@RestController
class CreditLineOpsController {

    private final CreditLines creditLines;
    private final CreditLineGrants grants;
    private final LimitReservations reservations;
    private final CreditLineSettings settings;
    private final Clock clock;

    CreditLineOpsController(CreditLines creditLines, CreditLineGrants grants, LimitReservations reservations,
                            CreditLineSettings settings, Clock clock) {
        this.creditLines = creditLines;
        this.grants = grants;
        this.reservations = reservations;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/ops/v1/credit-lines/{customerId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    @Transactional(readOnly = true)
    CreditLineHistoryView creditLine(@PathVariable UUID customerId) {
        CreditLine line = creditLines.findById(customerId)
                .orElseThrow(() -> ApiProblem.notFound("Credit line", customerId));
        return CreditLineHistoryView.of(line, grants.findByCustomerIdOrderByDecidedAtDesc(customerId),
                reservations.findTop100ByCustomerIdOrderByCreatedAtDesc(customerId), settings.today(clock));
    }
}
