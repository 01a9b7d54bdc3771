package com.lendflow.invariants;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One pass over the invariants: a connection per database, asked for once and read in one read-only
 * repeatable-read transaction (unless the caller handed over a connection already inside a transaction,
 * which is then read as it stands), and the channel's transfers read once. Closes what it opened.
 */
final class Pass implements AutoCloseable {

    static final String LOAN_ORDER = "lendflow_loan_order";
    static final String LIMIT = "lendflow_limit";
    static final String MARKETING = "lendflow_marketing";
    static final String FUNDING = "lendflow_funding";
    static final String PAYMENT = "lendflow_payment";
    static final String CORE_LEDGER = "lendflow_core_ledger";

    private static final int FETCH = 5_000;

    private final Function<String, Connection> databases;
    private final URI simulator;
    private final Map<String, Connection> open = new LinkedHashMap<>();
    private final Map<String, Boolean> ours = new LinkedHashMap<>();
    private Channel channel;

    Pass(Function<String, Connection> databases, URI simulator) {
        this.databases = databases;
        this.simulator = simulator;
    }

    Connection db(String name) throws SQLException {
        Connection connection = open.get(name);
        if (connection != null) {
            return connection;
        }
        connection = databases.apply(name);
        if (connection == null) {
            throw new SQLException("no connection to " + name);
        }
        open.put(name, connection);
        // A connection with auto-commit on is ours to put in a snapshot; one inside a transaction is read as it is.
        boolean autoCommit = connection.getAutoCommit();
        ours.put(name, autoCommit);
        if (autoCommit) {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    Channel channel() throws IOException, InterruptedException {
        if (channel == null) {
            channel = Channel.read(simulator);
        }
        return channel;
    }

    /** Every row of {@code sql}, each as its columns in order (numeric as BigDecimal, the rest as the driver gives). */
    List<Row> rows(String database, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Cursor cursor = cursor(database, sql)) {
            while (cursor.next()) {
                rows.add(cursor.row());
            }
        }
        return rows;
    }

    Row one(String database, String sql) throws SQLException {
        try (Cursor cursor = cursor(database, sql)) {
            if (!cursor.next()) {
                throw new SQLException("no row from " + sql);
            }
            return cursor.row();
        }
    }

    /** Rows read through a database cursor, a few thousand at a time: for the big sides of a merge. */
    Cursor cursor(String database, String sql) throws SQLException {
        PreparedStatement statement = db(database).prepareStatement(sql);
        statement.setFetchSize(FETCH);
        return new Cursor(statement, statement.executeQuery());
    }

    /**
     * Walks two cursors ordered by their first column (text, in byte order: {@code order by ... collate "C"}) side
     * by side, handing each key with its row on either side (null where a side has none).
     */
    static void merge(Cursor left, Cursor right, Visitor visitor) throws SQLException {
        boolean hasLeft = left.next();
        boolean hasRight = right.next();
        while (hasLeft || hasRight) {
            int order = !hasLeft ? 1 : !hasRight ? -1 : left.key().compareTo(right.key());
            if (order < 0) {
                visitor.visit(left.key(), left.row(), null);
                hasLeft = left.next();
            } else if (order > 0) {
                visitor.visit(right.key(), null, right.row());
                hasRight = right.next();
            } else {
                visitor.visit(left.key(), left.row(), right.row());
                hasLeft = left.next();
                hasRight = right.next();
            }
        }
    }

    interface Visitor {
        void visit(String key, Row left, Row right) throws SQLException;
    }

    /**
     * After an invariant failed to read: a new snapshot on the connections this pass opened, so one failed query
     * does not leave the others' transaction aborted. A caller's own transaction is left as it is.
     */
    void recover() {
        for (Map.Entry<String, Connection> entry : open.entrySet()) {
            if (ours.get(entry.getKey())) {
                try {
                    entry.getValue().rollback();
                } catch (SQLException ignored) {
                    // the next read says what is wrong
                }
            }
        }
    }

    @Override
    public void close() {
        for (Map.Entry<String, Connection> entry : open.entrySet()) {
            try {
                if (ours.get(entry.getKey())) {
                    entry.getValue().rollback();
                }
            } catch (SQLException ignored) {
                // closing is what matters
            }
            try {
                entry.getValue().close();
            } catch (SQLException ignored) {
                // nothing more to do with it
            }
        }
        open.clear();
    }

    /** One row's columns; the first is the key. */
    record Row(Object[] values) {
        String text(int column) {
            Object value = values[column];
            return value == null ? null : value.toString();
        }

        BigDecimal money(int column) {
            Object value = values[column];
            return value == null ? BigDecimal.ZERO : (BigDecimal) value;
        }

        long count(int column) {
            return ((Number) values[column]).longValue();
        }
    }

    static final class Cursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final int columns;
        private Row row;

        Cursor(PreparedStatement statement, ResultSet rs) throws SQLException {
            this.statement = statement;
            this.rs = rs;
            ResultSetMetaData meta = rs.getMetaData();
            this.columns = meta.getColumnCount();
        }

        boolean next() throws SQLException {
            if (!rs.next()) {
                row = null;
                return false;
            }
            Object[] values = new Object[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getObject(i + 1);
            }
            row = new Row(values);
            return true;
        }

        String key() {
            return row.text(0);
        }

        Row row() {
            return row;
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rs.close();
            }
        }
    }
}
