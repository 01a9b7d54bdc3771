package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A loan's statement as of the business date: every installment of its current schedule with
 * what it asks, what has been paid or waived and what is still owed; what is payable now; every
 * repayment with its allocation; and every adjustment (extension, waiver, restructure, write-off)
 * with who made and who approved it. A written-off loan shows what was written off, what has been
 * recovered since and what is still owed. Amounts are two-decimal strings.
 */
record StatementView(UUID loanId, UUID customerId, UUID drawdownId, LocalDate asOf, String status, String principal,
                     String outstandingPrincipal, int scheduleVersion, int daysPastDue, String bucket,
                     String creditBalance, String payableNow, String principalPaid, String interestPaid,
                     String penaltyPaid, String feesPaid, String writtenOff, String recovered, List<Line> installments,
                     List<RepaymentView> repayments, List<AdjustmentView> adjustments) {

    record Line(int period, LocalDate dueDate, String state, String principal, String interest, String penalty,
                String principalPaid, String interestPaid, String penaltyPaid, String interestWaived,
                String penaltyWaived, String owed) {

        static Line of(InstallmentPosition i) {
            BigDecimal owed = i.principalOwed().add(i.interestOwed()).add(i.penaltyOwed());
            return new Line(i.period(), i.dueDate(), i.state(), text(i.principal()), text(i.interest()),
                    text(i.penaltyAccrued()), text(i.principalPaid()), text(i.interestPaid()), text(i.penaltyPaid()),
                    text(i.interestWaived()), text(i.penaltyWaived()), text(owed));
        }
    }

    /** An adjustment applied or refused, with who asked for it, who approved it and why. */
    record AdjustmentView(String requestId, String kind, String outcome, String code, String refusal, String amount,
                          String penalty, String interest, Integer extraPeriods, String annualRate,
                          Integer scheduleVersion, UUID journalEntryId, LocalDate effectiveOn, String reason,
                          String makerId, String checkerId, java.time.Instant createdAt) {

        static AdjustmentView of(Adjustment a) {
            return new AdjustmentView(a.requestId(), a.kind(), a.applied() ? "APPLIED" : "REFUSED", a.code(),
                    a.refusal(), a.amount() == null ? null : text(a.amount()),
                    a.penalty() == null ? null : text(a.penalty()), a.interest() == null ? null : text(a.interest()),
                    a.extraPeriods(), a.annualRate() == null ? null : a.annualRate().stripTrailingZeros().toPlainString(),
                    a.scheduleVersion(), a.journalEntryId(), a.effectiveOn(), a.reason(), a.makerId(), a.checkerId(),
                    a.createdAt());
        }
    }
}
