package com.lendflow.loanorder.reconciliation;

import com.lendflow.platform.web.export.CsvExport;
import com.lendflow.platform.web.export.ExportDay;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * loan-order's drawdowns of a day (#8), sorted by drawdown id, read through a database cursor and
 * written as read: every drawdown whose money went out that day (disbursed_at: the channel's
 * completion time, which payment-service reported) and every drawdown that ended FAILED that day
 * (disbursed_at then holds the time it failed; a failed drawdown never moved money). A drawdown
 * whose money went out but whose loan account is not open yet is listed too, in its current state
 * (DISBURSING, no loan id): the money left, and reconciliation must see it.
 */
@Component
class DrawdownsExport {

    static final String HEADER = "drawdown_id,state,amount,loan_id,customer_id,disbursed_at";

    private static final String SQL = """
            select * from (
            select id::text as drawdown_id, state, amount, loan_id, customer_id, disbursed_at as at
              from drawdown
             where disbursed_at >= :from and disbursed_at < :to
            union all
            select id::text, state, amount, loan_id, customer_id, concluded_at
              from drawdown
             where state = 'FAILED' and concluded_at >= :from and concluded_at < :to
            ) day
            -- Byte order, as any reader compares strings, whatever the database's collation.
             order by drawdown_id collate "C"
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    DrawdownsExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // PostgreSQL reads through a cursor only with a fetch size inside a transaction.
        cursor.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    void write(ExportDay day, HttpServletResponse response) throws IOException {
        CsvExport export = CsvExport.start(response, day, "loan-order-drawdowns", HEADER);
        Map<String, Object> window = Map.of("from", OffsetDateTime.ofInstant(day.from(), ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(day.to(), ZoneOffset.UTC));
        RowCallbackHandler rows = row -> {
            BigDecimal amount = row.getBigDecimal("amount");
            String line = String.join(",", row.getString("drawdown_id"), row.getString("state"),
                    CsvExport.amount(amount), CsvExport.text(row.getString("loan_id")), row.getString("customer_id"),
                    CsvExport.instant(row.getObject("at", OffsetDateTime.class).toInstant()));
            try {
                export.record(amount, line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            readOnly.executeWithoutResult(status -> jdbc.query(SQL, window, rows));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        export.finish();
    }
}
