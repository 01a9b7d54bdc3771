package com.lendflow.payment.disbursement;

import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Disbursements for ops staff and finance: every submission, query and callback, in order. */
@RestController
class DisbursementOpsController {

    private final Disbursements disbursements;
    private final DisbursementEvents events;

    DisbursementOpsController(Disbursements disbursements, DisbursementEvents events) {
        this.disbursements = disbursements;
        this.events = events;
    }

    @GetMapping("/ops/v1/payments/disbursements/{drawdownId}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    DisbursementView disbursement(@PathVariable UUID drawdownId) {
        Disbursement disbursement = disbursements.findById(drawdownId)
                .orElseThrow(() -> ApiProblem.notFound("Disbursement", drawdownId));
        return DisbursementView.of(disbursement, events.findByTransferIdOrderByIdAsc(drawdownId));
    }
}
