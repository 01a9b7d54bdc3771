package com.lendflow.coreledger.portfolio;

import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The book at a glance for the ops dashboard: money lent and money repaid per business date, and
 * the active loans by delinquency bucket. Every figure is one set-based query in PostgreSQL, so
 * the answer costs the same few index scans whether the book holds a hundred loans or a million.
 */
@RestController
class PortfolioOpsController {

    static final int MAX_DAYS = 92;
    static final int DEFAULT_DAYS = 14;

    private final JdbcClient jdbc;
    private final BusinessDay businessDay;

    PortfolioOpsController(JdbcClient jdbc, BusinessDay businessDay) {
        this.jdbc = jdbc;
        this.businessDay = businessDay;
    }

    /** One business date: loans opened (disbursed) and repayments applied that day. */
    record Day(LocalDate date, long loansOpened, String disbursed, long repayments, String repaid) {
    }

    /** Active loans in one bucket now, and their outstanding principal. */
    record Bucket(String bucket, long loans, String outstandingPrincipal) {
    }

    record Portfolio(LocalDate businessDate, LocalDate from, LocalDate to, List<Day> days, List<Bucket> buckets) {
    }

    @GetMapping("/ops/v1/loans/portfolio")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
    Portfolio portfolio(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = businessDay.today();
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        if (first.isAfter(last)) {
            throw new InvalidRequest(List.of(new FieldViolation("from", "before-to", "must not be after " + last)));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidRequest(List.of(new FieldViolation("from", "range-too-long",
                    "at most " + MAX_DAYS + " days from " + first + " to " + last)));
        }
        return new Portfolio(today, first, last, days(first, last), buckets());
    }

    private List<Day> days(LocalDate from, LocalDate to) {
        // Each side is grouped on its own index before the join, so no row is counted twice.
        return jdbc.sql("""
                with opened as (
                    select start_date as day, count(*) as loans, sum(principal) as amount
                      from loan_account where start_date between :from and :to group by start_date
                ), repaid as (
                    select business_date as day, count(*) as repayments, sum(amount) as amount
                      from repayment where status = 'APPLIED' and business_date between :from and :to
                     group by business_date
                )
                select d.day::date as day, coalesce(o.loans, 0) as loans, coalesce(o.amount, 0) as disbursed,
                       coalesce(r.repayments, 0) as repayments, coalesce(r.amount, 0) as repaid
                  from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d(day)
                  left join opened o on o.day = d.day::date
                  left join repaid r on r.day = d.day::date
                 order by d.day
                """)
                .param("from", from).param("to", to)
                .query((rs, row) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("loans"),
                        money(rs.getBigDecimal("disbursed")), rs.getLong("repayments"), money(rs.getBigDecimal("repaid"))))
                .list();
    }

    private List<Bucket> buckets() {
        // Every bucket appears, an empty one with zeros, so a chart's axis does not depend on the data.
        return jdbc.sql("""
                select b.bucket, coalesce(l.loans, 0) as loans, coalesce(l.outstanding, 0) as outstanding
                  from (values (1, 'M0'), (2, 'M1'), (3, 'M2'), (4, 'M3'), (5, 'M3+')) as b(rank, bucket)
                  left join (select bucket, count(*) as loans, sum(outstanding_principal) as outstanding
                               from loan_account where status = 'ACTIVE' group by bucket) l on l.bucket = b.bucket
                 order by b.rank
                """)
                .query((rs, row) -> new Bucket(rs.getString("bucket"), rs.getLong("loans"),
                        money(rs.getBigDecimal("outstanding"))))
                .list();
    }

    private static String money(BigDecimal amount) {
        return Amounts.text(amount);
    }
}
