package com.lendflow.coreledger.reconciliation;

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
 * The ledger's money movements of a day (#8), by the wall-clock time their journal entry was
 * written ({@code journal_entry.posted_at}, the posting transaction's start), read through a
 * database cursor and written as read. One line per movement:
 * <ul>
 *   <li>DISBURSEMENT: a loan opened; business_id the drawdown id, amount = principal = the principal lent;</li>
 *   <li>REPAYMENT, PREPAYMENT (a payoff included), RECOVERY (after write-off): business_id the
 *       repayment id (payment's repayment order id), amount the money received; principal and
 *       interest what of it paid principal and interest (penalty, fee and credit held are the rest);</li>
 *   <li>REVERSAL: a repayment taken back; business_id the reversed repayment's id, amounts positive,
 *       the money given back and the principal and interest owed again.</li>
 * </ul>
 * Credit applied from a borrower's own balance, accruals, waivers and write-offs move no money and
 * are not listed. booked_on is the entry's business date.
 */
@Component
class MovementsExport {

    static final String HEADER = "business_id,kind,loan_id,amount,principal,interest,funding_partner_id,booked_on,posted_at";

    private static final String PART = """
            coalesce((select sum(a.amount) from repayment_allocation a
                       where a.repayment_id = r.id and a.component = '%s'), 0)""";
    private static final String SQL = """
            select * from (
            select l.disbursement_id as business_id, 'DISBURSEMENT' as kind, l.id as loan_id, l.principal as amount,
                   l.principal as principal, 0 as interest, l.funding_partner, e.business_date, e.posted_at
              from journal_entry e
              join loan_account l on l.id = e.loan_id
             where e.event_type = 'LoanDisbursed' and e.posted_at >= :from and e.posted_at < :to
            union all
            select r.id, case r.kind when 'PAYOFF' then 'PREPAYMENT' else r.kind end, r.loan_id, r.amount,
                   %1$s, %2$s, l.funding_partner, e.business_date, e.posted_at
              from journal_entry e
              join repayment r on r.journal_entry_id = e.id
              join loan_account l on l.id = r.loan_id
             where r.kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'RECOVERY')
               and e.posted_at >= :from and e.posted_at < :to
            union all
            select r.id, 'REVERSAL', r.loan_id, r.amount, %1$s, %2$s, l.funding_partner, e.business_date, e.posted_at
              from journal_entry e
              join repayment r on r.reversal_entry_id = e.id
              join loan_account l on l.id = r.loan_id
             where e.posted_at >= :from and e.posted_at < :to
            ) day
            -- Byte order, as any reader compares strings, whatever the database's collation.
             order by business_id collate "C", posted_at
            """.formatted(PART.formatted("PRINCIPAL"), PART.formatted("INTEREST"));

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    MovementsExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // PostgreSQL reads through a cursor only with a fetch size inside a transaction.
        cursor.setFetchSize(1000);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    void write(ExportDay day, HttpServletResponse response) throws IOException {
        CsvExport export = CsvExport.start(response, day, "ledger-movements", HEADER);
        Map<String, Object> window = Map.of("from", OffsetDateTime.ofInstant(day.from(), ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(day.to(), ZoneOffset.UTC));
        RowCallbackHandler rows = row -> {
            BigDecimal amount = row.getBigDecimal("amount");
            String line = String.join(",", row.getString("business_id"), row.getString("kind"),
                    row.getString("loan_id"), CsvExport.amount(amount), CsvExport.amount(row.getBigDecimal("principal")),
                    CsvExport.amount(row.getBigDecimal("interest")), CsvExport.text(row.getString("funding_partner")),
                    row.getString("business_date"),
                    CsvExport.instant(row.getObject("posted_at", OffsetDateTime.class).toInstant()));
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
