package com.lendflow.simulator.statement;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a statement in the format every reconciliation source shares: the header line, one line
 * per record, then {@code TRAILER,<count>,<total>}; UTF-8, {@code \n} line ends. Written line by
 * line to the response, optionally through gzip, never assembled whole in memory. A fault, if one
 * is set, spoils the file the way a partner's broken export would.
 */
final class StatementFile {

    private static final BigDecimal ONE_FEN = new BigDecimal("0.01");

    private StatementFile() {
    }

    static void write(String header, List<? extends StatementRow> rows, StatementFault.Served fault, boolean gzip,
                      OutputStream response) throws IOException {
        GZIPOutputStream zipped = gzip ? new GZIPOutputStream(response, 8192) : null;
        Writer out = new BufferedWriter(new OutputStreamWriter(zipped != null ? zipped : response, StandardCharsets.UTF_8));
        write(header, rows, fault == null ? null : fault.mode(), fault == null ? 0 : fault.use(), out);
        out.flush();
        if (zipped != null) {
            zipped.finish();
        }
        response.flush();
    }

    private static void write(String header, List<? extends StatementRow> rows, StatementFault.Mode fault, int use,
                              Writer out) throws IOException {
        out.write(header);
        out.write('\n');
        int written = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        // A truncated export stops half-way through, in the middle of a line, and never reaches its trailer.
        int whole = fault == StatementFault.Mode.TRUNCATED ? rows.size() / 2 : rows.size();
        for (int i = 0; i < whole; i++) {
            StatementRow row = rows.get(i);
            int copies = fault == StatementFault.Mode.DUPLICATED_LINES && i % 3 == 0 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                out.write(row.line());
                out.write('\n');
                written++;
                total = total.add(row.amount());
            }
        }
        if (fault == StatementFault.Mode.TRUNCATED) {
            if (whole < rows.size()) {
                String cut = rows.get(whole).line();
                out.write(cut, 0, cut.length() / 2);
            }
            return;
        }
        if (fault == StatementFault.Mode.WRONG_TRAILER) {
            // Alternates so both halves of the trailer check get exercised: the count first, then the total.
            if (use % 2 == 1) {
                written++;
            } else {
                total = total.add(ONE_FEN);
            }
        }
        out.write("TRAILER," + written + "," + total.toPlainString());
        out.write('\n');
    }
}
