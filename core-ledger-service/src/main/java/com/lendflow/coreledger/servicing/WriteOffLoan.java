package com.lendflow.coreledger.servicing;

import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_WRITE_OFF_EXPENSE;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.WRITE_OFF_EXPENSE;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Write-off (核销): the loan becomes WRITTEN_OFF and one balanced entry takes its outstanding
 * principal (to write-off expense, 5102) and its interest and penalty receivable (to 5103) off the
 * books. The installments keep what the borrower still owes, the loan keeps the written-off amounts,
 * end of day stops accruing it, and money received later is recovery income ({@link ApplyRepayment}).
 */
@Component
class WriteOffLoan {

    static final String WRITTEN_OFF = "LoanWrittenOff";

    private final ServicedLoans loans;
    private final Books books;

    WriteOffLoan(ServicedLoans loans, Books books) {
        this.loans = loans;
        this.books = books;
    }

    Adjustment.Result writeOff(ServicedLoan loan, String requestId, LocalDate today, String memo) {
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion());
        BigDecimal interest = installments.stream().map(i -> i.interestReceivable().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal penalty = installments.stream().map(i -> i.penaltyOwed().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal principal = loan.outstandingPrincipal();
        BigDecimal total = principal.add(interest).add(penalty);
        if (total.signum() == 0) {
            return Adjustment.Result.refused("INVALID_ADJUSTMENT", "loan " + loan.id() + " owes nothing to write off");
        }
        JournalEntry entry = books.post(new PostEntry(today, WRITTEN_OFF, "write-off:" + requestId, loan.id(), memo,
                RepaymentPostings.forPartner(loan.fundingPartner())
                        .debit(WRITE_OFF_EXPENSE, principal)
                        .debit(INTEREST_WRITE_OFF_EXPENSE, interest.add(penalty))
                        .credit(LOAN_RECEIVABLE_PRINCIPAL, principal)
                        .credit(INTEREST_RECEIVABLE, interest)
                        .credit(PENALTY_RECEIVABLE, penalty)
                        .lines()));
        if (!loans.writeOff(loan.id(), interest, penalty, today)) {
            throw new IllegalStateException("loan " + loan.id() + " was locked ACTIVE and could not be written off");
        }
        return Adjustment.Result.applied(total, loan.scheduleVersion(), entry.id());
    }
}
