package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A loan's statement as of the business date: every installment of its current schedule with
 * what it asks, what has been paid and what is still owed; what is payable now; and every
 * repayment with its allocation. Amounts are two-decimal strings.
 */
record StatementView(UUID loanId, LocalDate asOf, String status, String principal, String outstandingPrincipal,
                     int scheduleVersion, int daysPastDue, String bucket, String creditBalance, String payableNow,
                     String principalPaid, String interestPaid, String penaltyPaid, String feesPaid,
                     List<Line> installments, List<RepaymentView> repayments) {

    record Line(int period, LocalDate dueDate, String state, String principal, String interest, String penalty,
                String principalPaid, String interestPaid, String penaltyPaid, String owed) {

        static Line of(InstallmentPosition i) {
            BigDecimal owed = i.principalOwed().add(i.interestOwed()).add(i.penaltyOwed());
            return new Line(i.period(), i.dueDate(), i.state(), text(i.principal()), text(i.interest()),
                    text(i.penaltyAccrued()), text(i.principalPaid()), text(i.interestPaid()), text(i.penaltyPaid()),
                    text(owed));
        }
    }
}
