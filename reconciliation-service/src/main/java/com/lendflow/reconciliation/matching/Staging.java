package com.lendflow.reconciliation.matching;

import com.lendflow.reconciliation.statement.BadStatement;
import com.lendflow.reconciliation.statement.Source;
import com.lendflow.reconciliation.statement.StatementFetcher;
import com.lendflow.reconciliation.statement.StatementReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads one file of a run into {@code staged_record} with COPY while it downloads, in one transaction:
 * the rows become visible only if the whole file was read and its trailer verified, so a bad file leaves
 * nothing behind. A record key that appears twice in one file rejects it: one aggregate before the commit finds it.
 */
@Component
public class Staging {

    private static final int FLUSH_AT = 1 << 16;
    private static final int PROGRESS_EVERY = 50_000;

    private final DataSource dataSource;
    private final StatementFetcher fetcher;
    private final JdbcClient jdbc;

    public Staging(DataSource dataSource, StatementFetcher fetcher) {
        this.dataSource = dataSource;
        this.fetcher = fetcher;
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void clear(UUID runId) {
        jdbc.sql("delete from staged_record where run_id = ?").param(runId).update();
        jdbc.sql("delete from run_candidate where run_id = ?").param(runId).update();
    }

    /**
     * Downloads and stages {@code source} for the run.
     *
     * @param progress told the number of records read so far, now and then
     */
    public StatementReader.Totals load(UUID runId, Reconciliation reconciliation, String party, Source source,
                                       LocalDate date, LongConsumer progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement memory = connection.createStatement()) {
                // The duplicate check aggregates a whole file: in memory rather than in batches on disk.
                memory.execute("set local work_mem = '64MB'");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy staged_record (run_id, side, leg, record_key, kind, status, amount, at, loan_id, line)
                    from stdin""");
            try {
                StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
                String run = runId.toString();
                long[] read = {0};
                String[] current = {null};
                Reconciliation.RowSink sink = row -> {
                    buffer.append(run).append('\t').append(row.side()).append('\t').append(row.leg()).append('\t');
                    escape(buffer, row.key()).append('\t').append(row.kind()).append('\t').append(row.status()).append('\t')
                            .append(row.amount()).append('\t');
                    (row.at() == null ? buffer.append("\\N") : escape(buffer, row.at())).append('\t');
                    (row.loanId() == null ? buffer.append("\\N") : escape(buffer, row.loanId())).append('\t');
                    escape(buffer, current[0]).append('\n');
                };
                StatementReader.Totals totals = fetcher.fetch(source, party, date, (columns, line) -> {
                    current[0] = line;
                    reconciliation.map(source, party, columns, sink);
                    if (buffer.length() >= FLUSH_AT) {
                        flush(copy, buffer);
                    }
                    if (++read[0] % PROGRESS_EVERY == 0) {
                        progress.accept(read[0]);
                    }
                });
                flush(copy, buffer);
                copy.endCopy();
                rejectDuplicates(connection, runId, reconciliation.side(source));
                connection.commit();
                return totals;
            } catch (RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
                throw translate(e, source);
            }
        } catch (SQLException e) {
            throw translate(e, source);
        }
    }

    /** A key twice in one file makes the whole file untrustworthy; the aggregate sees this file's uncommitted rows. */
    private static void rejectDuplicates(Connection connection, UUID runId, char side) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select record_key from staged_record where run_id = ? and side = ?
                 group by leg, record_key having count(*) > 1 limit 1""")) {
            statement.setObject(1, runId);
            statement.setString(2, String.valueOf(side));
            try (var duplicate = statement.executeQuery()) {
                if (duplicate.next()) {
                    throw new BadStatement("duplicate record key " + duplicate.getString(1));
                }
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
    }

    private static StringBuilder escape(StringBuilder buffer, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
        return buffer;
    }

    private static RuntimeException translate(Exception failure, Source source) {
        Throwable cause = failure instanceof CopyFailed copy ? copy.getCause() : failure;
        if (cause instanceof PSQLException sql && sql.getSQLState() != null) {
            if (sql.getSQLState().startsWith("22")) {
                return new BadStatement(source.description() + ": a value cannot be read: "
                        + sql.getServerErrorMessage().getMessage());
            }
        }
        if (failure instanceof BadStatement bad) {
            return new BadStatement(source.description() + ": " + bad.getMessage());
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("staging " + source.description() + " failed", failure);
    }

    /** An SQLException out of a COPY write, carried through the reader's IOException-only handler. */
    private static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }
    }
}
