package com.lendflow.platform.web.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * One reconciliation file as every party writes it (#8; read by reconciliation-service): UTF-8, comma-separated, {@code \n} line
 * ends, a header line, one line per record, and the trailer {@code TRAILER,<count>,<total>} summing
 * the amount column. Written straight to the response as rows arrive, gzipped whole on request.
 * The trailer is written only by {@link #finish()}: a file cut short by a failure has none, so the
 * reader rejects it rather than taking it for a complete day.
 */
public final class CsvExport {

    /** "Records of date D" are those whose time falls on D here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);

    private final Writer out;
    private final GZIPOutputStream gzip;
    private long count;
    private BigDecimal total = BigDecimal.ZERO.setScale(2);

    private CsvExport(OutputStream body, boolean gzipped) throws IOException {
        this.gzip = gzipped ? new GZIPOutputStream(body, 1 << 16) : null;
        this.out = new BufferedWriter(new OutputStreamWriter(gzipped ? gzip : body, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Starts the response: content type, a file name, and the header line. */
    public static CsvExport start(HttpServletResponse response, ExportDay day, String name, String header) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(day.gzip() ? "application/gzip" : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + day.date()
                + (day.gzip() ? ".csv.gz\"" : ".csv\""));
        response.setHeader("Cache-Control", "no-store");
        CsvExport export = new CsvExport(response.getOutputStream(), day.gzip());
        export.line(header);
        return export;
    }

    /** One record; {@code amount} is its amount column's value, counted into the trailer. */
    public void record(BigDecimal amount, String line) throws IOException {
        count++;
        total = total.add(amount);
        line(line);
    }

    /** The trailer, then the end of the (gzip) stream. */
    public void finish() throws IOException {
        line("TRAILER," + count + "," + total.setScale(2).toPlainString());
        out.flush();
        if (gzip != null) {
            gzip.finish();
        }
        out.flush();
    }

    private void line(String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    public static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    public static String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
