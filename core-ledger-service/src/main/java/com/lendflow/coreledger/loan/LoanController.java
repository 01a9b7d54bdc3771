package com.lendflow.coreledger.loan;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The app backend's view of a customer's loan. Another customer's loan answers 404, as if it did not exist. */
@RestController
@PreAuthorize("hasAuthority('SCOPE_customer')")
class LoanController {

    private final LoanAccounts loans;

    LoanController(LoanAccounts loans) {
        this.loans = loans;
    }

    @GetMapping("/api/v1/loans/{id}")
    @Transactional(readOnly = true)
    LoanView loan(@PathVariable UUID id) {
        LoanAccount loan = loans.findById(id).orElseThrow(() -> ApiProblem.notFound("Loan", id));
        ActingCustomer.mayAccess(loan.customerId(), "Loan", id);
        return LoanView.of(loan, loans.scheduleVersions(id).getLast());
    }
}
