package com.lendflow.collection.metrics;

import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A business date's collection figures: cases opened and closed (by reason), the amount recovered
 * (repayments applied that day to loans in open cases), and roll rates — of the loans in a bucket
 * when the day began, the share that moved to the next bucket that day.
 */
@RestController
class MetricsOpsController {

    private final JdbcClient jdbc;

    MetricsOpsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code rate}: rolled / base to four decimals, null when no loan was in the bucket. */
    record RollRate(String from, String to, int base, int rolled, String rate) {
    }

    record Metrics(LocalDate date, int casesOpened, int casesClosed, Map<String, Integer> closedByReason,
                   String amountRecovered, List<RollRate> rollRates) {
    }

    @GetMapping("/ops/v1/collection/metrics")
    @PreAuthorize("hasAnyRole('OPS_SUPERVISOR', 'FINANCE', 'ADMIN')")
    Metrics metrics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date == null) {
            throw new InvalidRequest(List.of(new FieldViolation("date", "NotNull", "must be the business date, as 2026-05-01")));
        }
        int opened = jdbc.sql("select count(*) from collection_case where opened_on = ?").param(date).query(Integer.class).single();
        Map<String, Integer> closed = jdbc.sql("""
                select close_reason, count(*) from collection_case where closed_on = ? group by close_reason order by 1
                """).param(date).query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
        BigDecimal recovered = jdbc.sql("select coalesce(sum(amount), 0) from recovery where applied_on = ?").param(date)
                .query(BigDecimal.class).single();
        return new Metrics(date, opened, closed.values().stream().mapToInt(Integer::intValue).sum(), closed,
                Amounts.text(recovered.setScale(2, RoundingMode.UNNECESSARY)),
                List.of(roll("M1", "M2", date), roll("M2", "M3", date), roll("M3", "M3+", date)));
    }

    private RollRate roll(String from, String to, LocalDate date) {
        int base = jdbc.sql("""
                select count(*) from (
                    select distinct on (loan_id) loan_id, to_bucket from bucket_move
                     where business_date < :date
                     order by loan_id, business_date desc, (case to_bucket when 'M0' then 0 when 'M1' then 1
                              when 'M2' then 2 when 'M3' then 3 else 4 end) desc
                ) latest where to_bucket = :from
                """).param("date", date).param("from", from).query(Integer.class).single();
        int rolled = jdbc.sql("""
                select count(distinct loan_id) from bucket_move where business_date = ? and from_bucket = ? and to_bucket = ?
                """).params(date, from, to).query(Integer.class).single();
        String rate = base == 0 ? null
                : BigDecimal.valueOf(rolled).divide(BigDecimal.valueOf(base), 4, RoundingMode.HALF_UP).toPlainString();
        return new RollRate(from, to, base, rolled, rate);
    }
}
