package com.lendflow.coreledger.servicing;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.ledger.RepaymentUnapplied;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Publishes what servicing did to a loan, in the transaction that did it (through the outbox). */
@Component
class LoanEvents {

    private final Outbox outbox;
    private final ServicedLoans loans;
    private final Delinquency delinquency;

    LoanEvents(Outbox outbox, ServicedLoans loans, Delinquency delinquency) {
        this.outbox = outbox;
        this.loans = loans;
        this.delinquency = delinquency;
    }

    /** Refreshes days past due and the bucket as of {@code asOf}, publishing a change of bucket. */
    void delinquencyAfterPayment(ServicedLoan loan, LocalDate asOf) {
        delinquency.refresh(new UUID[] {loan.id()}, asOf, null).forEach(move -> outbox.publish(
                Topics.CORE_LEDGER_LOAN, loan.id().toString(), LoanBucketChanged.TYPE, new LoanBucketChanged(
                        loan.id(), loan.customerId(), move.from(), move.to(), move.daysPastDue(), asOf)));
    }

    /** Settles the loan if it is paid off, publishing LoanSettled; true if it settled. */
    boolean settleIfPaidOff(ServicedLoan loan, LocalDate on) {
        if (!loans.settleIfPaidOff(loan.id(), on)) {
            return false;
        }
        ServicedLoans.Totals paid = loans.totalsPaid(loan.id());
        outbox.publish(Topics.CORE_LEDGER_LOAN, loan.id().toString(), LoanSettled.TYPE, new LoanSettled(loan.id(),
                loan.customerId(), on, Amounts.text(loan.principal()), Amounts.text(paid.interestPaid()),
                Amounts.text(paid.penaltyPaid()), Amounts.text(paid.feesPaid())));
        return true;
    }

    /**
     * Money was applied to the loan: limit-service restores {@code principalRepaid} of the line.
     * Called once per repayment id, in the transaction that applied it.
     */
    void repaymentApplied(ServicedLoan loan, Repayment repayment, BigDecimal principalRepaid, boolean settled) {
        outbox.publish(Topics.CORE_LEDGER_LOAN, loan.id().toString(), RepaymentApplied.TYPE, new RepaymentApplied(
                repayment.id(), loan.id(), loan.customerId(), loan.drawdownId(), repayment.kind().name(),
                Amounts.text(repayment.amount()), Amounts.text(principalRepaid), repayment.businessDate(), settled));
    }

    /** A repayment was reversed: the loan owes {@code principalRestored} again. */
    void repaymentUnapplied(ServicedLoan loan, String repaymentId, BigDecimal principalRestored, LocalDate on,
                            String reason) {
        outbox.publish(Topics.CORE_LEDGER_LOAN, loan.id().toString(), RepaymentUnapplied.TYPE, new RepaymentUnapplied(
                repaymentId, loan.id(), loan.customerId(), loan.drawdownId(), Amounts.text(principalRestored), on, reason));
    }
}
