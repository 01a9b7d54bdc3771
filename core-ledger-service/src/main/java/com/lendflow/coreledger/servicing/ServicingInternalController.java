package com.lendflow.coreledger.servicing;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans as other Lendflow services read them (scope internal, required for /internal/** by the
 * platform's security; not routed by the gateway): payment-service asks what a loan asks of its
 * borrower now; collection-service reads a loan's statement and a customer's loans for its cases.
 */
@RestController
class ServicingInternalController {

    private final LoanStatements statements;

    ServicingInternalController(LoanStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/internal/v1/loans/{loanId}/amounts-due")
    AmountsDueView amountsDue(@PathVariable UUID loanId) {
        return statements.amountsDue(loanId);
    }

    @GetMapping("/internal/v1/loans/{loanId}/statement")
    StatementView statement(@PathVariable UUID loanId) {
        return statements.statement(loanId);
    }

    @GetMapping("/internal/v1/customers/{customerId}/loans")
    CustomerLoansView loansOf(@PathVariable UUID customerId) {
        return statements.loansOf(customerId);
    }
}
