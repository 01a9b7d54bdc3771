package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.Reshape;
import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statements and prepayment quotes: for the borrower through the app backend (another customer's
 * loan is a 404), and for staff. Reading only; money moves through the internal repayment API.
 */
@RestController
class LoanServicingController {

    private final LoanStatements statements;
    private final Prepayments prepayments;
    private final ServicedLoans loans;

    LoanServicingController(LoanStatements statements, Prepayments prepayments, ServicedLoans loans) {
        this.statements = statements;
        this.prepayments = prepayments;
        this.loans = loans;
    }

    @GetMapping("/api/v1/loans/{id}/statement")
    @PreAuthorize("hasAuthority('SCOPE_customer')")
    StatementView statement(@PathVariable UUID id) {
        ActingCustomer.mayAccess(statements.ownerOf(id), "Loan", id);
        return statements.statement(id);
    }

    /** {@code principal} absent: the full payoff. Otherwise a partial prepayment, reshaped as {@code reshape}. */
    @GetMapping("/api/v1/loans/{id}/prepayment-quote")
    @PreAuthorize("hasAuthority('SCOPE_customer')")
    PrepaymentQuoteView quote(@PathVariable UUID id, @RequestParam(required = false) String principal,
                              @RequestParam(required = false) String reshape) {
        ActingCustomer.mayAccess(statements.ownerOf(id), "Loan", id);
        return PrepaymentQuoteView.of(id, prepayments.quote(id, amount(principal), reshape(reshape)));
    }

    @GetMapping("/ops/v1/loans/{id}/statement")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'RISK_ANALYST', 'ADMIN')")
    StatementView opsStatement(@PathVariable UUID id) {
        return statements.statement(id);
    }

    @GetMapping("/ops/v1/repayments/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    RepaymentView repayment(@PathVariable String id) {
        Repayment repayment = loans.repayment(id).orElseThrow(() -> ApiProblem.notFound("Repayment", id));
        return RepaymentView.of(repayment, loans.allocationsOf(id));
    }

    private static BigDecimal amount(String principal) {
        if (principal == null) {
            return null;
        }
        try {
            return new BigDecimal(principal);
        } catch (NumberFormatException e) {
            throw new InvalidRequest(List.of(new FieldViolation("principal", "decimal", "must be an amount such as 50.00")));
        }
    }

    private static Reshape reshape(String reshape) {
        if (reshape == null) {
            return null;
        }
        try {
            return Reshape.valueOf(reshape);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new FieldViolation("reshape", "one-of", "must be SHORTEN_TERM or LOWER_INSTALLMENT")));
        }
    }
}
