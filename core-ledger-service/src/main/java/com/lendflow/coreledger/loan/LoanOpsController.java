package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.servicing.LoanStatements;
import com.lendflow.platform.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A loan's history for staff: read-only; loans change through business events, not through this API. */
@RestController
class LoanOpsController {

    private final LoanAccounts loans;
    private final Books books;
    private final LoanStatements statements;

    LoanOpsController(LoanAccounts loans, Books books, LoanStatements statements) {
        this.loans = loans;
        this.books = books;
        this.statements = statements;
    }

    @GetMapping("/ops/v1/loans/{id}/history")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'FINANCE', 'RISK_ANALYST', 'ADMIN')")
    @Transactional(readOnly = true)
    LoanHistoryView history(@PathVariable UUID id) {
        LoanAccount loan = loans.findById(id).orElseThrow(() -> ApiProblem.notFound("Loan", id));
        List<ScheduleVersion> versions = loans.scheduleVersions(id);
        return new LoanHistoryView(LoanView.of(loan, versions.getLast()),
                versions.stream().map(LoanView.ScheduleView::of).toList(),
                books.entriesOfLoan(id).stream().map(LoanHistoryView.EntryView::of).toList(),
                statements.accrualsOf(id), statements.repaymentsOf(id), statements.adjustmentsOf(id));
    }
}
