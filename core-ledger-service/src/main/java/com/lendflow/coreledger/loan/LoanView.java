package com.lendflow.coreledger.loan;

import static com.lendflow.platform.web.Amounts.text;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A loan with its current schedule. Amounts are strings with two decimals and the rate a string, so no client reads a double. */
record LoanView(UUID id, UUID customerId, String productCode, String principal, String annualRate, int termMonths,
                RepaymentMethod method, LocalDate startDate, String fundingPartner, LoanStatus status,
                String outstandingPrincipal, Instant openedAt, ScheduleView schedule) {

    static LoanView of(LoanAccount loan, ScheduleVersion current) {
        return new LoanView(loan.id(), loan.customerId(), loan.productCode(), text(loan.principal()),
                loan.annualRate().toPlainString(), loan.termMonths(), loan.method(), loan.startDate(),
                loan.fundingPartner(), loan.status(), text(loan.outstandingPrincipal()), loan.openedAt(),
                ScheduleView.of(current));
    }

    record ScheduleView(int version, String reason, Instant createdAt, List<InstallmentView> installments,
                        String totalInterest, String totalRepayment) {

        static ScheduleView of(ScheduleVersion schedule) {
            return new ScheduleView(schedule.version(), schedule.reason(), schedule.createdAt(),
                    schedule.installments().stream().map(InstallmentView::of).toList(), text(schedule.totalInterest()),
                    text(schedule.totalRepayment()));
        }
    }

    record InstallmentView(int period, LocalDate dueDate, String principal, String interest, String total,
                           String remainingPrincipal, String state) {

        static InstallmentView of(ScheduleVersion.Line line) {
            return new InstallmentView(line.period(), line.dueDate(), text(line.principal()), text(line.interest()),
                    text(line.total()), text(line.remainingPrincipal()), line.state());
        }
    }
}
