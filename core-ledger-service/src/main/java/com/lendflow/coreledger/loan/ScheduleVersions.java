package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.Installment;
import com.lendflow.coreledger.schedule.Schedule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes schedule versions. A version is never edited once another replaces it: a prepayment writes
 * a new version that carries the installments already paid over unchanged, then schedules what is
 * left, and the loan follows the new version from then on.
 */
@Component
public class ScheduleVersions {

    private final JdbcClient jdbc;

    ScheduleVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Version 1: the schedule the loan was opened with. */
    void addFirst(UUID loanId, String reason, Instant createdAt, LocalDate startDate, Schedule schedule) {
        header(loanId, 1, reason, createdAt, BigDecimal.ZERO);
        lines(loanId, 1, startDate, 0, schedule);
    }

    /**
     * A new current version for the loan: the paid installments of {@code previous}, then
     * {@code rest} (null when nothing is left; starting on {@code restStart}, its periods numbered after the paid ones).
     * {@code prepaidPrincipal} is all principal prepaid before the new version, so its installments'
     * principal plus that is the loan's principal.
     *
     * @return the new version's number
     */
    public int addAfterPrepayment(UUID loanId, int previous, String reason, Instant createdAt,
                                  BigDecimal prepaidPrincipal, LocalDate restStart, Schedule rest) {
        int version = previous + 1;
        header(loanId, version, reason, createdAt, prepaidPrincipal);
        int paid = jdbc.sql("""
                        insert into installment (loan_id, schedule_version, period, due_date, principal, interest, total,
                                                 remaining_principal, state, period_start, interest_accrued,
                                                 principal_paid, interest_paid, penalty_exact, penalty_accrued,
                                                 penalty_paid, paid_on)
                        select loan_id, ?, period, due_date, principal, interest, total, remaining_principal, state,
                               period_start, interest_accrued, principal_paid, interest_paid, penalty_exact,
                               penalty_accrued, penalty_paid, paid_on
                          from installment
                         where loan_id = ? and schedule_version = ? and state = 'PAID'
                        """)
                .params(version, loanId, previous)
                .update();
        if (rest != null) {
            lines(loanId, version, restStart, paid, rest);
        }
        jdbc.sql("update loan_account set schedule_version = ?, version = version + 1 where id = ?")
                .params(version, loanId)
                .update();
        return version;
    }

    private void header(UUID loanId, int version, String reason, Instant createdAt, BigDecimal prepaidPrincipal) {
        jdbc.sql("""
                        insert into schedule_version (loan_id, version, reason, created_at, prepaid_principal)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(loanId, version, reason, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), prepaidPrincipal)
                .update();
    }

    private void lines(UUID loanId, int version, LocalDate start, int periodsBefore, Schedule schedule) {
        LocalDate periodStart = start;
        for (Installment installment : schedule.installments()) {
            jdbc.sql("""
                            insert into installment (loan_id, schedule_version, period, due_date, principal, interest,
                                                     total, remaining_principal, period_start)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(loanId, version, periodsBefore + installment.period(), installment.dueDate(),
                            installment.principal(), installment.interest(), installment.total(),
                            installment.remainingPrincipal(), periodStart)
                    .update();
            periodStart = installment.dueDate();
        }
    }
}
