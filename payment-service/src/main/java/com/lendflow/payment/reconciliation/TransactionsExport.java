package com.lendflow.payment.reconciliation;

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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * payment-service's side of a day (#8): every payout (disbursement) and every collection
 * (repayment order) of the day, sorted by request number, read through a database cursor and
 * written as it is read, so a day of a million transfers never sits in memory.
 *
 * <p>A transfer is on the day of its completion, or of its submission while still in flight (its
 * recording, if it has not reached the channel yet). A collection the channel gave back is on its
 * completion day as SUCCEEDED and again on the day of the return as RETURNED, as the channel's own
 * statement has it; returned on the day it completed, it is one RETURNED line. {@code completed_at}
 * is the instant that puts the line on the day: completion, return, or submission.
 */
@Component
class TransactionsExport {

    static final String HEADER =
            "request_no,direction,business_id,loan_id,amount,status,channel_txn_id,completed_at,funding_partner_id";

    private static final String AT = "coalesce(completed_at, submitted_at, created_at)";
    private static final String SQL = """
            select * from (
            select request_no, 'PAYOUT' as direction, drawdown_id::text as business_id, null as loan_id, amount,
                   case state when 'SUCCEEDED' then 'SUCCEEDED' when 'FAILED' then 'FAILED' when 'REFUSED' then 'FAILED'
                              else 'PROCESSING' end as status,
                   channel_transaction_id, %1$s as at, funding_partner_id
              from disbursement
             where %1$s >= :from and %1$s < :to
            union all
            select request_no, 'COLLECTION', id::text, loan_id::text, amount,
                   case when state = 'REVERSED' and reversed_at >= :from and reversed_at < :to then 'RETURNED'
                        when state in ('SUCCEEDED', 'REVERSED') then 'SUCCEEDED'
                        when state in ('FAILED', 'REFUSED') then 'FAILED'
                        else 'PROCESSING' end,
                   channel_transaction_id,
                   case when state = 'REVERSED' and reversed_at >= :from and reversed_at < :to then reversed_at
                        else %1$s end,
                   funding_partner_id
              from repayment_order
             where %1$s >= :from and %1$s < :to
            union all
            select request_no, 'COLLECTION', id::text, loan_id::text, amount, 'RETURNED',
                   channel_transaction_id, reversed_at, funding_partner_id
              from repayment_order
             where reversed_at >= :from and reversed_at < :to
               and not (%1$s >= :from and %1$s < :to)
            ) day
            -- Byte order, as any reader compares strings, whatever the database's collation.
             order by request_no collate "C", at
            """.formatted(AT);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    TransactionsExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // PostgreSQL reads through a cursor only with a fetch size inside a transaction.
        cursor.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    void write(ExportDay day, HttpServletResponse response) throws IOException {
        CsvExport export = CsvExport.start(response, day, "payment-transactions", HEADER);
        Map<String, Object> window = Map.of("from", OffsetDateTime.ofInstant(day.from(), ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(day.to(), ZoneOffset.UTC));
        try {
            readOnly.executeWithoutResult(status -> jdbc.query(SQL, window, row -> {
                BigDecimal amount = row.getBigDecimal("amount");
                String line = String.join(",", row.getString("request_no"), row.getString("direction"),
                        row.getString("business_id"), CsvExport.text(row.getString("loan_id")), CsvExport.amount(amount),
                        row.getString("status"), CsvExport.text(row.getString("channel_transaction_id")),
                        CsvExport.instant(row.getObject("at", OffsetDateTime.class).toInstant()),
                        CsvExport.text(row.getString("funding_partner_id")));
                try {
                    export.record(amount, line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        export.finish();
    }
}
