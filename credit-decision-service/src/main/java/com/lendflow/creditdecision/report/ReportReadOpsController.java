package com.lendflow.creditdecision.report;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit of credit-report reads, for risk and compliance staff. */
@RestController
class ReportReadOpsController {

    private final CreditReports reports;

    ReportReadOpsController(CreditReports reports) {
        this.reports = reports;
    }

    @GetMapping("/ops/v1/credit-decision/report-reads")
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    List<ReportRead> reads(@RequestParam UUID customerId) {
        return reports.readsOfCustomer(customerId);
    }
}
