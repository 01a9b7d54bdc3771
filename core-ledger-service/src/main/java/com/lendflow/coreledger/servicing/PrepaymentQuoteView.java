package com.lendflow.coreledger.servicing;

import static com.lendflow.platform.web.Amounts.text;

import com.lendflow.coreledger.schedule.Installment;
import com.lendflow.coreledger.schedule.Reshape;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A prepayment quote as the app shows it: what is due now, interest to date on actual days, the
 * principal prepaid, the fee, the total to collect, and for a partial prepayment the new schedule.
 */
record PrepaymentQuoteView(UUID loanId, LocalDate asOf, Repayment.Kind kind, Reshape reshape, String dueNow,
                           String interestToDate, long interestDays, String principalPrepaid, String fee, String total,
                           List<ScheduleLine> newSchedule, String newTotalInterest) {

    record ScheduleLine(int period, LocalDate dueDate, String principal, String interest, String total,
                        String remainingPrincipal) {
    }

    static PrepaymentQuoteView of(UUID loanId, PrepaymentQuote quote) {
        int firstPeriod = quote.runningPeriod();
        List<ScheduleLine> lines = quote.newSchedule() == null ? List.of() : quote.newSchedule().installments().stream()
                .map(i -> line(firstPeriod, i)).toList();
        return new PrepaymentQuoteView(loanId, quote.asOf(), quote.kind(), quote.reshape(), text(quote.dueNowTotal()),
                text(quote.interestToDate()), quote.interestDays(), text(quote.principalPrepaid()), text(quote.fee()),
                text(quote.total()), lines,
                quote.newSchedule() == null ? null : text(quote.newSchedule().totalInterest()));
    }

    private static ScheduleLine line(int firstPeriod, Installment i) {
        return new ScheduleLine(firstPeriod + i.period() - 1, i.dueDate(), text(i.principal()), text(i.interest()),
                text(i.total()), text(i.remainingPrincipal()));
    }
}
