package com.lendflow.coreledger.servicing;

import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.WAIVER_EXPENSE;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Fee waiver (息费减免): forgives penalty and interest the borrower owes — never more than owed —
 * with one balanced entry (debit the waiver expense, credit the receivables); the entries that
 * accrued them stay as they were. Each installment keeps what it asked and records what was
 * waived, oldest first; one that owes nothing more is PAID, and a loan that owes nothing settles.
 * Interest owed is interest accrued and neither paid nor waived; interest not accrued yet is not owed.
 */
@Component
class WaiveCharges {

    static final String WAIVED = "LoanChargesWaived";

    private final ServicedLoans loans;
    private final Books books;
    private final LoanEvents events;

    WaiveCharges(ServicedLoans loans, Books books, LoanEvents events) {
        this.loans = loans;
        this.books = books;
        this.events = events;
    }

    Adjustment.Result waive(ServicedLoan loan, String requestId, BigDecimal penalty, BigDecimal interest,
                            LocalDate today, String memo) {
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion()).stream()
                .sorted(Comparator.comparing(InstallmentPosition::dueDate)).toList();
        BigDecimal penaltyOwed = installments.stream().map(InstallmentPosition::penaltyOwed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interestOwed = installments.stream().map(i -> i.interestReceivable().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (penalty.signum() == 0 && interest.signum() == 0) {
            return Adjustment.Result.refused("NOTHING_TO_WAIVE", "the waiver names no penalty and no interest");
        }
        if (penalty.compareTo(penaltyOwed) > 0 || interest.compareTo(interestOwed) > 0) {
            return Adjustment.Result.refused("WAIVER_EXCEEDS_OWED", "waiving penalty " + Amounts.text(penalty)
                    + " and interest " + Amounts.text(interest) + " is more than the penalty "
                    + Amounts.text(penaltyOwed) + " and interest " + Amounts.text(interestOwed) + " owed on "
                    + today);
        }
        BigDecimal total = penalty.add(interest);
        JournalEntry entry = books.post(new PostEntry(today, WAIVED, "waiver:" + requestId, loan.id(), memo,
                RepaymentPostings.forPartner(loan.fundingPartner())
                        .debit(WAIVER_EXPENSE, total)
                        .credit(PENALTY_RECEIVABLE, penalty)
                        .credit(INTEREST_RECEIVABLE, interest)
                        .lines()));
        BigDecimal penaltyLeft = penalty;
        BigDecimal interestLeft = interest;
        for (InstallmentPosition installment : installments) {
            BigDecimal penaltyHere = penaltyLeft.min(installment.penaltyOwed().max(BigDecimal.ZERO));
            BigDecimal interestHere = interestLeft.min(installment.interestReceivable().max(BigDecimal.ZERO));
            if (penaltyHere.signum() > 0 || interestHere.signum() > 0) {
                loans.waive(loan.id(), loan.scheduleVersion(), installment.period(), interestHere, penaltyHere, today);
                penaltyLeft = penaltyLeft.subtract(penaltyHere);
                interestLeft = interestLeft.subtract(interestHere);
            }
        }
        if (!events.settleIfPaidOff(loan, today)) {
            events.delinquencyAfterPayment(loan, today);
        }
        return Adjustment.Result.applied(total, loan.scheduleVersion(), entry.id());
    }
}
