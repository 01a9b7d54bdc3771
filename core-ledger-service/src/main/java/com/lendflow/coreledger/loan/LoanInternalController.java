package com.lendflow.coreledger.loan;

import com.lendflow.platform.web.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opening loans, for other Lendflow services (scope internal, required for /internal/** by the
 * platform's security; not routed by the gateway). The drawdown saga in loan-order-service will
 * call this once payment has disbursed (step 9 in ARCHITECTURE.md), or send the same command over
 * Kafka (lendflow.core-ledger.commands) handled by {@link OpenLoanAccount}; neither caller exists yet.
 *
 * <p>Two keys, two jobs: the Idempotency-Key replays this HTTP exchange; the disbursement id makes
 * the opening itself happen once, whichever key or channel asks again (then 200 with the same loan).
 */
@RestController
class LoanInternalController {

    private final OpenLoanAccount open;
    private final LoanAccounts loans;
    private final IdempotentRequests idempotency;

    LoanInternalController(OpenLoanAccount open, LoanAccounts loans, IdempotentRequests idempotency) {
        this.open = open;
        this.loans = loans;
        this.idempotency = idempotency;
    }

    @PostMapping("/internal/v1/loans")
    ResponseEntity<?> open(@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @RequestBody OpenLoanRequest request) {
        return idempotency.execute(idempotencyKey, request, () -> {
            OpenLoanAccount.Opened opened = open.handle(request.toCommand());
            LoanAccount loan = opened.loan();
            return ResponseEntity.status(opened.newlyOpened() ? HttpStatus.CREATED : HttpStatus.OK)
                    .location(URI.create("/api/v1/loans/" + loan.id()))
                    .body(LoanView.of(loan, loans.scheduleVersions(loan.id()).getLast()));
        });
    }
}
