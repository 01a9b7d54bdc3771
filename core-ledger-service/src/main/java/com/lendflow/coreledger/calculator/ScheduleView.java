package com.lendflow.coreledger.calculator;

import static com.lendflow.platform.web.Amounts.text;

import com.lendflow.coreledger.schedule.Installment;
import com.lendflow.coreledger.schedule.Schedule;
import java.time.LocalDate;
import java.util.List;

/** A schedule as the calculator shows it: amounts as strings with two decimals, so no client reads them as doubles. */
public record ScheduleView(List<InstallmentView> installments, String totalInterest, String totalRepayment) {

    public record InstallmentView(int period, LocalDate dueDate, String principal, String interest, String total,
                                  String remainingPrincipal) {

        static InstallmentView of(Installment installment) {
            return new InstallmentView(installment.period(), installment.dueDate(), text(installment.principal()),
                    text(installment.interest()), text(installment.total()), text(installment.remainingPrincipal()));
        }
    }

    public static ScheduleView of(Schedule schedule) {
        return new ScheduleView(schedule.installments().stream().map(InstallmentView::of).toList(),
                text(schedule.totalInterest()), text(schedule.totalRepayment()));
    }
}
