package com.lendflow.reconciliation.statement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line, never holding more than a line: the header must be exactly the layout's,
 * every record must have the layout's columns and a two-decimal amount, and the last line must be the
 * trailer whose record count and total equal what was read. Records go to the handler as they are read;
 * the caller keeps them provisional (in a transaction) until the trailer has been checked.
 */
public final class StatementReader {

    /** What a verified file held. */
    public record Totals(long records, BigDecimal total) {
    }

    @FunctionalInterface
    public interface RecordHandler {
        void record(String[] columns, String line) throws IOException;
    }

    private StatementReader() {
    }

    public static Totals read(InputStream in, Layout layout, RecordHandler handler) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = lines.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null) {
            throw new BadStatement("the file is empty: no header");
        }
        if (!header.equals(layout.header())) {
            throw new BadStatement("wrong header: expected '" + layout.header() + "', found '" + abbreviate(header) + "'");
        }
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        String line;
        long lineNo = 1;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.startsWith("TRAILER,")) {
                verifyTrailer(line, count, total);
                String after;
                while ((after = lines.readLine()) != null) {
                    if (!after.isBlank()) {
                        throw new BadStatement("line " + (lineNo + 1) + ": a line after the trailer");
                    }
                }
                return new Totals(count, total);
            }
            String[] columns = line.split(",", -1);
            if (columns.length != layout.columns()) {
                throw new BadStatement("line " + lineNo + ": " + columns.length + " columns, the header has "
                        + layout.columns() + (columns.length < layout.columns() ? " (the file may be truncated)" : ""));
            }
            if (columns[0].isEmpty() || columns[1].isEmpty()) {
                throw new BadStatement("line " + lineNo + ": a record without its key");
            }
            total = total.add(amount(columns[layout.amountColumn()], "line " + lineNo));
            count++;
            handler.record(columns, line);
        }
        throw new BadStatement("truncated: no trailer after " + count + " records");
    }

    /** A two-decimal amount, as every file writes it. */
    public static BigDecimal amount(String text, String where) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadStatement(where + ": amount '" + abbreviate(text) + "' is not a number");
        }
        if (amount.scale() != 2) {
            throw new BadStatement(where + ": amount '" + text + "' does not have two decimals");
        }
        return amount;
    }

    private static void verifyTrailer(String line, long count, BigDecimal total) {
        String[] parts = line.split(",", -1);
        if (parts.length != 3) {
            throw new BadStatement("malformed trailer '" + abbreviate(line) + "'");
        }
        long declared;
        try {
            declared = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new BadStatement("malformed trailer '" + abbreviate(line) + "'");
        }
        if (declared != count) {
            throw new BadStatement("trailer count " + declared + " does not match the " + count + " records in the file");
        }
        BigDecimal declaredTotal = amount(parts[2], "trailer");
        if (declaredTotal.compareTo(total) != 0) {
            throw new BadStatement("trailer total " + parts[2] + " does not match the records' total "
                    + total.setScale(2).toPlainString());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
