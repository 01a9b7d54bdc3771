package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.product.LoanProducts;
import com.lendflow.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds loan statements from the sub-ledger. */
@Component
public class LoanStatements {

    private final ServicedLoans loans;
    private final LoanAdjustments adjustments;
    private final Prepayments prepayments;
    private final BusinessDay businessDay;
    private final LoanProducts products;

    LoanStatements(ServicedLoans loans, LoanAdjustments adjustments, Prepayments prepayments, BusinessDay businessDay,
                   LoanProducts products) {
        this.loans = loans;
        this.adjustments = adjustments;
        this.prepayments = prepayments;
        this.businessDay = businessDay;
        this.products = products;
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
        ServicedLoans.Recovered recovered = loans.recovered(loanId);
        BigDecimal payable = loan.active() ? RepaymentAllocator.payable(installments)
                : loan.writtenOff() ? loan.writtenOffTotal().subtract(recovered.total()) : BigDecimal.ZERO;
        BigDecimal principalPaid = loan.principal().subtract(loan.outstandingPrincipal())
                .subtract(loan.principalWrittenOff());
        return new StatementView(loanId, loan.customerId(), loan.drawdownId(), businessDay.today(), loan.status(),
                text(loan.principal()), text(loan.outstandingPrincipal()), loan.scheduleVersion(), loan.daysPastDue(),
                loan.bucket(), text(loan.creditBalance()), text(payable), text(principalPaid),
                text(paid.interestPaid()), text(paid.penaltyPaid()), text(paid.feesPaid()),
                text(loan.writtenOffTotal()), text(recovered.total()),
                installments.stream().map(StatementView.Line::of).toList(),
                loans.repaymentsOf(loanId).stream().map(r -> RepaymentView.of(r, loans.allocationsOf(r.id()))).toList(),
                adjustments.ofLoan(loanId).stream().map(StatementView.AdjustmentView::of).toList());
    }

    /** What the loan asks now: see {@link AmountsDueView}. */
    @Transactional(readOnly = true)
    AmountsDueView amountsDue(UUID loanId) {
        ServicedLoan loan = loans.find(loanId).orElseThrow(() -> ApiProblem.notFound("Loan", loanId));
        LocalDate today = businessDay.today();
        BigDecimal dueNow = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal payoff = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        if (loan.active()) {
            List<InstallmentPosition> installments = loans.installments(loanId, loan.scheduleVersion());
            BigDecimal scheduled = BigDecimal.ZERO;
            for (InstallmentPosition i : installments) {
                dueNow = dueNow.add(i.penaltyOwed());
                if (i.overdue() || i.due()) {
                    dueNow = dueNow.add(i.interestOwed()).add(i.principalOwed());
                }
                scheduled = scheduled.add(i.penaltyOwed()).add(i.interestOwed()).add(i.principalOwed());
            }
            current = RepaymentAllocator.payable(installments);
            payoff = prepayments.payoffTotal(loan, today);
            // What ApplyRepayment will take: more than is payable now is refused unless the product holds it
            // as credit, and credit is never more than the schedule still asks (less what is already held).
            largest = products.require(loan.productCode()).holdsOverpaymentAsCredit()
                    ? scheduled.subtract(loan.creditBalance()).max(current)
                    : current;
        } else if (loan.writtenOff()) {
            dueNow = loan.writtenOffTotal().subtract(loans.recovered(loanId).total());
            current = dueNow;
            payoff = dueNow;
            largest = dueNow;
        }
        return new AmountsDueView(loanId, loan.customerId(), loan.drawdownId(), loan.status(), today, text(dueNow),
                text(current), payoff == null ? null : text(payoff), text(largest), loan.daysPastDue(),
                loan.fundingPartner());
    }

    /** A customer's loans, for collection-service: see {@link CustomerLoansView}. */
    @Transactional(readOnly = true)
    CustomerLoansView loansOf(UUID customerId) {
        return new CustomerLoansView(customerId, loans.ofCustomer(customerId).stream().map(loan -> {
            BigDecimal outstanding = loan.writtenOff()
                    ? loan.principalWrittenOff().subtract(loans.recovered(loan.id()).principal())
                    : loan.outstandingPrincipal();
            return new CustomerLoansView.Loan(loan.id(), loan.drawdownId(), loan.productCode(), loan.status(),
                    text(loan.principal()), text(outstanding), loan.daysPastDue(), loan.bucket());
        }).toList());
    }

    /** Every adjustment of the loan with its maker, checker and reason, for the loan's history. */
    @Transactional(readOnly = true)
    public List<? extends Record> adjustmentsOf(UUID loanId) {
        return adjustments.ofLoan(loanId).stream().map(StatementView.AdjustmentView::of).toList();
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
