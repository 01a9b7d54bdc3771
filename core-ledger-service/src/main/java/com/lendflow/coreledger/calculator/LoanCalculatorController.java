package com.lendflow.coreledger.calculator;

import com.lendflow.coreledger.schedule.ScheduleEngine;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public loan calculator: what a loan would cost, before anyone signs in. It stores nothing
 * and needs no token (lendflow.security.public-paths in core-ledger-service.yml; the gateway
 * permits it too), so it takes no Idempotency-Key.
 */
@RestController
class LoanCalculatorController {

    private final ScheduleEngine engine = new ScheduleEngine();

    @PostMapping("/api/v1/loan-calculator")
    ScheduleView calculate(@Valid @RequestBody LoanCalculatorRequest request) {
        return ScheduleView.of(engine.withInterestFreeDays(engine.schedule(request.toCommand()), request.principal(),
                request.annualRate(), request.freeDays()));
    }
}
