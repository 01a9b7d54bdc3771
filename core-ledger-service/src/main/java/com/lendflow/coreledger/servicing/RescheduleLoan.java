package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.loan.ScheduleVersions;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Extension (展期) and restructure: the principal outstanding — overdue principal included — is
 * scheduled afresh from the business date as a new schedule version, so no installment is overdue
 * any more; days past due and the bucket are refreshed (LoanBucketChanged when it moves).
 * <ul>
 *   <li>EXTENSION: over the unpaid installments' count plus {@code extraPeriods}, at the loan's rate;</li>
 *   <li>RESTRUCTURE: over {@code extraPeriods}, at {@code annualRate} (null keeps the rate), which
 *       servicing charges from then on (penalty included).</li>
 * </ul>
 * Interest and penalty owed are not capitalised — principal stays what was lent, so the books'
 * principal receivable and the loan's principal invariants hold — they stay owed, carried onto the
 * first new installment (interest as already accrued, penalty as accrued penalty, payable at once as
 * any penalty is). No money moves, so nothing is booked: the receivables are the same before and after.
 */
@Component
class RescheduleLoan {

    private final ServicedLoans loans;
    private final ScheduleVersions schedules;
    private final LoanEvents events;
    private final Clock clock;
    private final ScheduleEngine engine = new ScheduleEngine();

    RescheduleLoan(ServicedLoans loans, ScheduleVersions schedules, LoanEvents events, Clock clock) {
        this.loans = loans;
        this.schedules = schedules;
        this.events = events;
        this.clock = clock;
    }

    Adjustment.Result reschedule(ServicedLoan loan, String kind, int extraPeriods, BigDecimal newRate,
                                 LocalDate today, String requestId) {
        List<InstallmentPosition> installments = loans.installments(loan.id(), loan.scheduleVersion());
        List<InstallmentPosition> unpaid = installments.stream().filter(i -> !i.paid()).toList();
        BigDecimal outstanding = loan.outstandingPrincipal();
        if (outstanding.signum() == 0) {
            return Adjustment.Result.refused("INVALID_ADJUSTMENT", "loan " + loan.id()
                    + " has no principal outstanding to reschedule; waive what it owes instead");
        }
        boolean extension = "EXTENSION".equals(kind);
        int periods = extension ? unpaid.size() + extraPeriods : extraPeriods;
        BigDecimal rate = newRate == null ? loan.annualRate() : newRate;
        BigDecimal carriedInterest = unpaid.stream().map(i -> i.interestReceivable().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal carriedPenalty = unpaid.stream().map(i -> i.penaltyOwed().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paidInstallments = installments.stream().filter(InstallmentPosition::paid)
                .map(InstallmentPosition::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
        Schedule schedule = engine.schedule(new ScheduleRequest(outstanding, rate, periods, loan.method(), today));
        String reason = (extension ? "extended by " + extraPeriods + " periods"
                : "restructured over " + periods + " periods at " + rate.stripTrailingZeros().toPlainString())
                + " (" + requestId + "); carried interest " + Amounts.text(carriedInterest) + ", penalty "
                + Amounts.text(carriedPenalty);
        int version = schedules.addRescheduled(loan.id(), loan.scheduleVersion(), reason, clock.instant(),
                loan.principal().subtract(outstanding).subtract(paidInstallments), today, schedule, carriedInterest,
                carriedPenalty);
        if (rate.compareTo(loan.annualRate()) != 0) {
            loans.chargeRate(loan.id(), rate);
        }
        events.delinquencyAfterPayment(loan, today);
        return Adjustment.Result.applied(outstanding, version, null);
    }
}
