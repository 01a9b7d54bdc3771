package com.lendflow.reconciliation.report;

import com.lendflow.platform.web.Amounts;
import com.lendflow.reconciliation.OpsRequests;
import com.lendflow.reconciliation.discrepancy.Breaks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The daily reconciliation report of a business date: every run with records and totals per side, then every
 * break. As CSV ({@code Accept: text/csv} or {@code /reports/2026-11-28.csv}), as a page to read
 * ({@code text/html} or {@code .html}), or as JSON.
 */
@RestController
@PreAuthorize("hasAnyRole('FINANCE', 'OPS_SUPERVISOR', 'ADMIN')")
class ReportOpsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final JdbcClient jdbc;
    private final Breaks breaks;

    ReportOpsController(JdbcClient jdbc, Breaks breaks) {
        this.jdbc = jdbc;
        this.breaks = breaks;
    }

    record RunLine(String reconciliation, String party, String state, String detail, long ourRecords, String ourTotal,
                   long theirRecords, String theirTotal, long matched, long broken, long pending) {
    }

    record Report(LocalDate businessDate, List<RunLine> runs, List<Breaks.BreakView> breaks) {
    }

    @GetMapping("/ops/v1/reconciliation/reports/{day}")
    ResponseEntity<?> report(@PathVariable String day, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        String format = day.endsWith(".csv") ? "csv" : day.endsWith(".html") ? "html" : null;
        String dateText = format == null ? day : day.substring(0, day.lastIndexOf('.'));
        OpsRequests check = new OpsRequests();
        LocalDate date = check.date("date", dateText, true);
        check.check();
        if (format == null && accept != null) {
            format = accept.contains("text/csv") ? "csv" : accept.contains("text/html") ? "html" : null;
        }
        Report report = new Report(date, runs(date), breaks.ofDate(date));
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + date + ".csv\"")
                    .body(csv(report));
        }
        if ("html".equals(format)) {
            return ResponseEntity.ok().contentType(HTML).body(html(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private List<RunLine> runs(LocalDate date) {
        return jdbc.sql("""
                select * from reconciliation_run where business_date = ? order by reconciliation, party
                """).param(date).query((rs, row) -> new RunLine(rs.getString("reconciliation"), rs.getString("party"),
                rs.getString("state"), rs.getString("detail"), rs.getLong("our_read"), money(rs.getBigDecimal("our_total")),
                rs.getLong("their_read"), money(rs.getBigDecimal("their_total")), rs.getLong("matched"),
                rs.getLong("broken"), rs.getLong("pending"))).list();
    }

    private static String csv(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("section,reconciliation,party,state,our_records,our_total,their_records,their_total,matched,broken,pending\n");
        for (RunLine run : report.runs()) {
            out.append(String.join(",", "RUN", run.reconciliation(), run.party(), run.state(),
                    Long.toString(run.ourRecords()), run.ourTotal(), Long.toString(run.theirRecords()), run.theirTotal(),
                    Long.toString(run.matched()), Long.toString(run.broken()), Long.toString(run.pending()))).append('\n');
        }
        out.append("section,break_id,reconciliation,party,reference,class,state,resolution,our_amount,their_amount,our_status,their_status,age_days,dangerous\n");
        for (Breaks.BreakView b : report.breaks()) {
            out.append(String.join(",", "BREAK", b.id().toString(), b.reconciliation(), b.party(), field(b.reference()),
                    b.breakClass(), b.state(), nz(b.resolution()), b.ours() == null ? "" : nz(b.ours().amount()),
                    b.theirs() == null ? "" : nz(b.theirs().amount()), b.ours() == null ? "" : nz(b.ours().status()),
                    b.theirs() == null ? "" : nz(b.theirs().status()), Long.toString(b.ageDays()),
                    Boolean.toString(b.dangerous()))).append('\n');
        }
        return out.toString();
    }

    private static String html(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reconciliation report ")
                .append(report.businessDate()).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px}"
                        + "td.n{text-align:right}tr.danger{background:#fdd}</style></head><body>")
                .append("<h1>Reconciliation report for ").append(report.businessDate()).append("</h1>")
                .append("<h2>Runs</h2><table><tr><th>Reconciliation</th><th>Party</th><th>State</th>"
                        + "<th>Our records</th><th>Our total</th><th>Their records</th><th>Their total</th>"
                        + "<th>Matched</th><th>Breaks</th><th>Pending</th></tr>");
        for (RunLine run : report.runs()) {
            out.append("<tr><td>").append(e(run.reconciliation())).append("</td><td>").append(e(run.party()))
                    .append("</td><td>").append(e(run.state())).append(run.detail() == null ? "" : " (" + e(run.detail()) + ")")
                    .append("</td><td class=\"n\">").append(run.ourRecords()).append("</td><td class=\"n\">").append(run.ourTotal())
                    .append("</td><td class=\"n\">").append(run.theirRecords()).append("</td><td class=\"n\">").append(run.theirTotal())
                    .append("</td><td class=\"n\">").append(run.matched()).append("</td><td class=\"n\">").append(run.broken())
                    .append("</td><td class=\"n\">").append(run.pending()).append("</td></tr>");
        }
        out.append("</table><h2>Breaks (").append(report.breaks().size()).append(")</h2><table><tr><th>Reconciliation</th>"
                + "<th>Party</th><th>Reference</th><th>Class</th><th>State</th><th>Resolution</th><th>Our amount</th>"
                + "<th>Their amount</th><th>Our status</th><th>Their status</th><th>Age (days)</th></tr>");
        for (Breaks.BreakView b : report.breaks()) {
            out.append(b.dangerous() ? "<tr class=\"danger\">" : "<tr>").append("<td>").append(e(b.reconciliation()))
                    .append("</td><td>").append(e(b.party())).append("</td><td>").append(e(b.reference()))
                    .append("</td><td>").append(e(b.breakClass())).append("</td><td>").append(e(b.state()))
                    .append("</td><td>").append(e(nz(b.resolution())))
                    .append("</td><td class=\"n\">").append(b.ours() == null ? "" : e(nz(b.ours().amount())))
                    .append("</td><td class=\"n\">").append(b.theirs() == null ? "" : e(nz(b.theirs().amount())))
                    .append("</td><td>").append(b.ours() == null ? "" : e(nz(b.ours().status())))
                    .append("</td><td>").append(b.theirs() == null ? "" : e(nz(b.theirs().status())))
                    .append("</td><td class=\"n\">").append(b.ageDays()).append("</td></tr>");
        }
        return out.append("</table></body></html>").toString();
    }

    private static String money(BigDecimal amount) {
        return Amounts.text(amount);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String field(String text) {
        return text.replace(",", " ").replace("\n", " ");
    }
}
