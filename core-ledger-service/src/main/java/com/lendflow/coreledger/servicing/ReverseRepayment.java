package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A repayment the channel took back (chargeback, failed settlement) is reversed: the books get a
 * compensating entry that mirrors the repayment's, on today's business date — the original entry
 * is never touched — and the installments owe again what it had paid, each back to NOT_DUE, DUE
 * or OVERDUE by its due date. A settled loan becomes active again. Reversing twice changes nothing.
 *
 * <p>Each reversal publishes RepaymentUnapplied with the principal the loan owes again. A recovery
 * on a written-off loan is reversed in the books only (the debt is owed again).
 *
 * <p>A prepayment or payoff rescheduled the loan; undoing that is not automatic (409), since
 * end of day has since accrued on the new schedule. Finance handles it by hand.
 */
@Component
public class ReverseRepayment {

    private final ServicedLoans loans;
    private final Books books;
    private final BusinessDay businessDay;
    private final LoanEvents events;

    ReverseRepayment(ServicedLoans loans, Books books, BusinessDay businessDay, LoanEvents events) {
        this.loans = loans;
        this.books = books;
        this.businessDay = businessDay;
        this.events = events;
    }

    @Transactional
    public Repayment handle(String repaymentId, String reason) {
        Repayment repayment = loans.repayment(repaymentId)
                .orElseThrow(() -> ApiProblem.notFound("Repayment", repaymentId));
        ServicedLoan loan = loans.lock(repayment.loanId()).orElseThrow();
        repayment = loans.repayment(repaymentId).orElseThrow();
        if (repayment.status() == Repayment.Status.REVERSED) {
            return repayment;
        }
        if (repayment.status() != Repayment.Status.APPLIED) {
            throw ApiProblem.conflict("repayment-not-applied", "repayment " + repaymentId + " was " + repayment.status()
                    + " and booked nothing to reverse");
        }
        if (repayment.kind() == Repayment.Kind.RECOVERY) {
            return reverseRecovery(loan, repayment, reason);
        }
        if (loan.writtenOff()) {
            throw ApiProblem.conflict("reversal-needs-finance", "loan " + loan.id() + " was written off after this "
                    + "repayment; finance must reverse it by hand");
        }
        if (repayment.kind() != Repayment.Kind.REPAYMENT) {
            throw ApiProblem.conflict("reversal-needs-finance", "a " + repayment.kind() + " changed the schedule; "
                    + "finance must reverse it by hand");
        }
        List<ServicedLoans.StoredAllocation> allocations = loans.allocationsOf(repaymentId);
        boolean rescheduled = allocations.stream()
                .anyMatch(a -> a.scheduleVersion() != null && a.scheduleVersion() != loan.scheduleVersion());
        if (rescheduled) {
            throw ApiProblem.conflict("reversal-needs-finance", "loan " + loan.id()
                    + " was rescheduled after this repayment; finance must reverse it by hand");
        }
        if (repayment.creditHeld().compareTo(loan.creditBalance()) > 0) {
            throw ApiProblem.conflict("reversal-needs-finance", "the credit this repayment left has been used since; "
                    + "finance must reverse it by hand");
        }
        LocalDate today = businessDay.hold();
        JournalEntry reversal = books.reverse(repayment.journalEntryId(), "reversal:" + repaymentId, today, reason);
        List<Allocation> paid = allocations.stream().map(ServicedLoans.StoredAllocation::allocation).toList();
        Payments.byInstallment(paid).forEach((period, payments) -> {
            Payments back = payments.negated();
            loans.pay(loan.id(), loan.scheduleVersion(), period, back.principal(), back.interest(), back.recognised(),
                    back.penalty(), today);
        });
        BigDecimal principal = paid.stream().filter(a -> a.component() == Part.PRINCIPAL).map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        loans.repaid(loan.id(), principal.negate(), repayment.creditHeld().negate());
        loans.reopen(loan.id());
        events.delinquencyAfterPayment(loan, today);
        loans.reversed(repaymentId, reversal.id(), today, reason);
        events.repaymentUnapplied(loan, repaymentId, principal, today, reason);
        return loans.repayment(repaymentId).orElseThrow();
    }

    /** A recovery on a written-off loan taken back: the recovery income is reversed and the debt is owed again. */
    private Repayment reverseRecovery(ServicedLoan loan, Repayment repayment, String reason) {
        LocalDate today = businessDay.hold();
        JournalEntry reversal = books.reverse(repayment.journalEntryId(), "reversal:" + repayment.id(), today, reason);
        BigDecimal principal = loans.allocationsOf(repayment.id()).stream().map(ServicedLoans.StoredAllocation::allocation)
                .filter(a -> a.component() == Part.PRINCIPAL).map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        loans.reversed(repayment.id(), reversal.id(), today, reason);
        events.repaymentUnapplied(loan, repayment.id(), principal, today, reason);
        return loans.repayment(repayment.id()).orElseThrow();
    }
}
