package com.lendflow.coreledger.servicing;

import com.lendflow.coreledger.schedule.Reshape;
import com.lendflow.coreledger.schedule.Schedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What paying a loan ahead costs on {@code asOf}: first everything due or overdue (with penalty),
 * then interest on the outstanding principal for the days of the running period so far
 * ({@code interestDays}, actual days at APR/365), the principal prepaid and the fee on it. A
 * partial prepayment also shows the schedule that follows it.
 */
record PrepaymentQuote(LocalDate asOf, Repayment.Kind kind, Reshape reshape, RepaymentAllocator.Plan dueNow,
                       int runningPeriod, BigDecimal runningInterestReceivable, BigDecimal interestToDate,
                       long interestDays, BigDecimal principalPrepaid, BigDecimal fee, BigDecimal total,
                       List<LocalDate> remainingDueDates, Schedule newSchedule) {

    BigDecimal dueNowTotal() {
        return dueNow.allocations().stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
