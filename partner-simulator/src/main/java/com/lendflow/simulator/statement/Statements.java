package com.lendflow.simulator.statement;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.simulator.channel.CompletedTransfer;
import com.lendflow.simulator.channel.TransferHistory;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The daily statements the outside parties send for reconciliation, drawn from the channel's own
 * transfers: the payment channel's (every transfer that completed or was returned that day) and each
 * funding partner's (every successful transfer through its account). A day in Asia/Shanghai; today's
 * statement is the day so far, a future day's is not there (404 {@code statement-not-ready}).
 * {@code ?gzip=true} serves the same file gzip-compressed.
 */
@RestController
class Statements {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private static final Logger log = LoggerFactory.getLogger(Statements.class);
    private static final Comparator<StatementRow> AS_IT_HAPPENED =
            Comparator.comparing(StatementRow::at).thenComparing(StatementRow::line);

    private final TransferHistory history;
    private final StatementTampering tampering;

    Statements(TransferHistory history, StatementTampering tampering) {
        this.history = history;
        this.tampering = tampering;
    }

    /**
     * {@code channel_txn_id,request_no,direction,amount,status,completed_at}: a collection returned
     * on another day than it completed is SUCCESS on its completion day and RETURNED on the day of
     * the return; returned the same day, it is one RETURNED record.
     */
    @GetMapping("/sim/v1/channel/statements/{date}")
    ResponseEntity<StreamingResponseBody> channel(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                  @RequestParam(defaultValue = "false") boolean gzip) {
        StatementFault.Served fault = ready(StatementTarget.CHANNEL, date, "the channel");
        List<StatementRow> rows = new ArrayList<>();
        for (CompletedTransfer transfer : aroundDay(date)) {
            if (transfer.returnedAt() == null) {
                rows.add(channelRow(transfer, transfer.succeeded() ? "SUCCESS" : "FAILED", transfer.completedAt()));
                continue;
            }
            if (!dayOf(transfer.returnedAt()).equals(dayOf(transfer.completedAt()))) {
                rows.add(channelRow(transfer, "SUCCESS", transfer.completedAt()));
            }
            rows.add(channelRow(transfer, "RETURNED", transfer.returnedAt()));
        }
        rows.addAll(tampering.extras(StatementTarget.CHANNEL, null));
        return serve("channel-" + date, StatementRow.ChannelRow.HEADER, ofDay(StatementTarget.CHANNEL, date, rows),
                fault, gzip);
    }

    /**
     * {@code partner_txn_id,reference,type,amount,value_date}: every successful transfer through
     * the partner's account that completed that day, DISBURSEMENT for a payout, REPAYMENT for a
     * collection (a later return does not take it off the day it completed).
     */
    @GetMapping("/sim/v1/funding/{partnerId}/statements/{date}")
    ResponseEntity<StreamingResponseBody> funding(
            @PathVariable @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$") String partnerId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "false") boolean gzip) {
        StatementFault.Served fault = ready(StatementTarget.FUNDING, date, "funding partner " + partnerId);
        List<StatementRow> rows = new ArrayList<>();
        for (CompletedTransfer transfer : aroundDay(date)) {
            if (transfer.succeeded() && partnerId.equals(transfer.fundingAccount())) {
                rows.add(new StatementRow.FundingRow("FT" + transfer.channelTransactionId().substring(2),
                        transfer.reference(), "COLLECTION".equals(transfer.direction()) ? "REPAYMENT" : "DISBURSEMENT",
                        transfer.amount(), dayOf(transfer.completedAt()), transfer.completedAt(), partnerId));
            }
        }
        rows.addAll(tampering.extras(StatementTarget.FUNDING, partnerId));
        return serve(partnerId + "-" + date, StatementRow.FundingRow.HEADER, ofDay(StatementTarget.FUNDING, date, rows),
                fault, gzip);
    }

    /** Refuses a day that has not begun, and a statement a LATE fault holds back; else the fault for this file, if any. */
    private StatementFault.Served ready(StatementTarget target, LocalDate date, String whose) {
        if (date.isAfter(LocalDate.now(StatementRow.ZONE))) {
            throw notReady(whose + " has no statement for " + date + ": that day has not begun in Asia/Shanghai");
        }
        StatementFault.Served fault = tampering.nextFault(target);
        if (fault != null && fault.mode() == StatementFault.Mode.LATE) {
            throw notReady("the statement of " + whose + " for " + date + " is not ready yet; try again later");
        }
        return fault;
    }

    private static ApiProblem notReady(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "statement-not-ready", "Statement not ready", detail);
    }

    /**
     * Transfers finished within a day of {@code date}: a break can move a record to the day before
     * or after, so the neighbours' records are candidates too.
     */
    private List<CompletedTransfer> aroundDay(LocalDate date) {
        Instant from = date.minusDays(1).atStartOfDay(StatementRow.ZONE).toInstant();
        Instant to = date.plusDays(2).atStartOfDay(StatementRow.ZONE).toInstant();
        return history.completedOrReturnedBetween(from, to);
    }

    private List<StatementRow> ofDay(StatementTarget target, LocalDate date, List<StatementRow> candidates) {
        return tampering.tamper(target, candidates).stream()
                .filter(row -> row.date().equals(date))
                .sorted(AS_IT_HAPPENED)
                .toList();
    }

    private static StatementRow channelRow(CompletedTransfer transfer, String status, Instant at) {
        return new StatementRow.ChannelRow(transfer.channelTransactionId(), transfer.requestNo(), transfer.direction(),
                transfer.amount(), status, at);
    }

    private static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, StatementRow.ZONE);
    }

    private static ResponseEntity<StreamingResponseBody> serve(String name, String header, List<StatementRow> rows,
                                                               StatementFault.Served fault, boolean gzip) {
        log.info("statement {} served: {} records{}{}", name, rows.size(), gzip ? ", gzip" : "",
                fault == null ? "" : ", spoiled " + fault.mode());
        return ResponseEntity.ok()
                .contentType(gzip ? GZIP : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + (gzip ? ".csv.gz" : ".csv")).build().toString())
                .body(out -> StatementFile.write(header, rows, fault, gzip, out));
    }
}
