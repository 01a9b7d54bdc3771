package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds loan statements from the sub-ledger. */
@Component
public class LoanStatements {

    private final ServicedLoans loans;
    private final BusinessDay businessDay;

    LoanStatements(ServicedLoans loans, BusinessDay businessDay) {
        this.loans = loans;
        this.businessDay = businessDay;
    }

    /** The customer who owns the loan, for ownership checks before showing anything. */
    public UUID ownerOf(UUID loanId) {
        return loans.find(loanId).orElseThrow(() -> ApiProblem.notFound("Loan", loanId)).customerId();
    }

    @Transactional(readOnly = true)
    StatementView statement(UUID loanId) {
        ServicedLoan loan = loans.find(loanId).orElseThrow(() -> ApiProblem.notFound("Loan", loanId));
        List<InstallmentPosition> installments = loans.installments(loanId, loan.scheduleVersion());
        ServicedLoans.Totals paid = loans.totalsPaid(loanId);
        BigDecimal payable = loan.active() ? RepaymentAllocator.payable(installments) : BigDecimal.ZERO;
        BigDecimal principalPaid = loan.principal().subtract(loan.outstandingPrincipal());
        return new StatementView(loanId, businessDay.today(), loan.status(), text(loan.principal()),
                text(loan.outstandingPrincipal()), loan.scheduleVersion(), loan.daysPastDue(), loan.bucket(),
                text(loan.creditBalance()), text(payable), text(principalPaid), text(paid.interestPaid()),
                text(paid.penaltyPaid()), text(paid.feesPaid()),
                installments.stream().map(StatementView.Line::of).toList(),
                loans.repaymentsOf(loanId).stream().map(r -> RepaymentView.of(r, loans.allocationsOf(r.id()))).toList());
    }

    /** One day's accrual on one installment, and the journal entry (event id) it rolled up into. */
    public record AccrualView(java.time.LocalDate businessDate, String kind, int scheduleVersion, int period,
                              String base, String amount, String journalEventId) {
    }

    @Transactional(readOnly = true)
    public List<AccrualView> accrualsOf(UUID loanId) {
        return loans.accrualsOf(loanId);
    }

    /** Every repayment of the loan with its allocation, for the loan's history. */
    @Transactional(readOnly = true)
    public List<? extends Record> repaymentsOf(UUID loanId) {
        return loans.repaymentsOf(loanId).stream().map(r -> RepaymentView.of(r, loans.allocationsOf(r.id()))).toList();
    }
}
