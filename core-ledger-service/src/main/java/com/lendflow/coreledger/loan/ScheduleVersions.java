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
        int paid = copyPaid(loanId, previous, version);
        if (rest != null) {
            lines(loanId, version, restStart, paid, rest);
        }
        follow(loanId, version);
        return version;
    }

    /**
     * A new current version for an extension or a restructure: the paid installments of
     * {@code previous}, then {@code rest} from {@code restStart}, numbered after the last paid period.
     * Interest and penalty the borrower owed and that stay owed ride on the first new installment:
     * {@code carriedInterest} as interest already accrued, {@code carriedPenalty} as penalty accrued.
     * {@code unscheduledPrincipal} is the principal repaid that no installment of the new version shows.
     *
     * @return the new version's number
     */
    public int addRescheduled(UUID loanId, int previous, String reason, Instant createdAt,
                              BigDecimal unscheduledPrincipal, LocalDate restStart, Schedule rest,
                              BigDecimal carriedInterest, BigDecimal carriedPenalty) {
        int version = previous + 1;
        header(loanId, version, reason, createdAt, unscheduledPrincipal);
        copyPaid(loanId, previous, version);
        int lastPaid = jdbc.sql("select coalesce(max(period), 0) from installment where loan_id = ? and schedule_version = ?")
                .params(loanId, version).query(Integer.class).single();
        lines(loanId, version, restStart, lastPaid, rest);
        jdbc.sql("""
                        update installment
                           set interest = interest + :interest, total = total + :interest, carried_interest = :interest,
                               interest_accrued = :interest, penalty_exact = :penalty, penalty_accrued = :penalty
                         where loan_id = :loan and schedule_version = :version and period = :period
                        """)
                .param("interest", carriedInterest).param("penalty", carriedPenalty).param("loan", loanId)
                .param("version", version).param("period", lastPaid + 1)
                .update();
        follow(loanId, version);
        return version;
    }

    private int copyPaid(UUID loanId, int previous, int version) {
        return jdbc.sql("""
                        insert into installment (loan_id, schedule_version, period, due_date, principal, interest, total,
                                                 remaining_principal, state, period_start, interest_accrued,
                                                 principal_paid, interest_paid, penalty_exact, penalty_accrued,
                                                 penalty_paid, paid_on, interest_waived, penalty_waived, carried_interest)
                        select loan_id, ?, period, due_date, principal, interest, total, remaining_principal, state,
                               period_start, interest_accrued, principal_paid, interest_paid, penalty_exact,
                               penalty_accrued, penalty_paid, paid_on, interest_waived, penalty_waived, carried_interest
                          from installment
                         where loan_id = ? and schedule_version = ? and state = 'PAID'
                        """)
                .params(version, loanId, previous)
                .update();
    }

    private void follow(UUID loanId, int version) {
        jdbc.sql("update loan_account set schedule_version = ?, version = version + 1 where id = ?")
                .params(version, loanId)
                .update();
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
