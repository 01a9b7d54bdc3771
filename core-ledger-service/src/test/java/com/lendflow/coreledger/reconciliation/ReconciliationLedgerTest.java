package com.lendflow.coreledger.reconciliation;

import com.lendflow.testsupport.ExportClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.loan.OpenLoan;
import com.lendflow.coreledger.loan.OpenLoanAccount;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.servicing.ApplyRepayment;
import com.lendflow.coreledger.servicing.ReceiveRepayment;
import com.lendflow.coreledger.servicing.ReverseRepayment;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's side of reconciliation (#8): the day's money movements as reconciliation-service
 * reads them, and a resolved break booked once. Movements are made through the real flows (a loan
 * opened, a repayment applied, one reversed), so they are posted today; the 100-yuan loan's first
 * installment is 33.84, of which 0.76 interest.
 */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class ReconciliationLedgerTest {

    static final String MOVEMENTS = "/internal/v1/reconciliation/movements";
    static final String ADJUSTMENTS = "/internal/v1/reconciliation/adjustments";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired OpenLoanAccount open;
    @Autowired BusinessDay businessDay;
    @Autowired ApplyRepayment repayments;
    @Autowired ReverseRepayment reversals;
    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
        LedgerInvariants.checkSubLedger(jdbc);
    }

    ExportClient as(String token) {
        return new ExportClient(environment.getRequiredProperty("local.server.port", Integer.class), token);
    }

    ExportClient reconciliation() {
        return as(TestTokens.service("reconciliation-service"));
    }

    UUID hundredYuan(String drawdownId) {
        return open.handle(new OpenLoan(drawdownId, UUID.randomUUID(), "CASH_LOAN_STANDARD", new BigDecimal("100.00"),
                new BigDecimal("0.09125"), 3, RepaymentMethod.EQUAL_INSTALLMENT, businessDay.today(),
                "partner-bank-a")).loan().id();
    }

    void repay(String repaymentId, UUID loan, String amount) {
        repayments.handle(new ReceiveRepayment(repaymentId, loan, new BigDecimal(amount), "sim-channel", Instant.now()),
                ApplyRepayment.OnRefusal.PROBLEM);
    }

    @Test
    void listsTodaysDisbursementsRepaymentsAndReversalsSortedWithATrailerThatAddsUp() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String drawdownA = "dd-" + run + "-a";
        String drawdownB = "dd-" + run + "-b";
        UUID loanA = hundredYuan(drawdownA);
        UUID loanB = hundredYuan(drawdownB);
        repay("rp-" + run + "-1", loanA, "33.84");
        reversals.handle("rp-" + run + "-1", "chargeback");
        repay("rp-" + run + "-2", loanB, "33.84");
        LocalDate today = LocalDate.now(SHANGHAI);
        String booked = businessDay.today().toString();

        HttpResponse<byte[]> response = reconciliation().get(MOVEMENTS + "?date=" + today);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        List<String> lines = Arrays.asList(ExportClient.text(response).split("\n"));
        assertThat(lines.getFirst())
                .isEqualTo("business_id,kind,loan_id,amount,principal,interest,funding_partner_id,booked_on,posted_at");
        List<String> records = lines.subList(1, lines.size() - 1);
        assertThat(records.stream().map(line -> line.split(",")[0]).toList()).isSorted();
        assertThat(records).allSatisfy(line -> assertThat(OffsetDateTime.parse(line.split(",")[8])
                .atZoneSameInstant(SHANGHAI).toLocalDate()).isEqualTo(today));
        BigDecimal total = records.stream().map(line -> new BigDecimal(line.split(",")[3]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines.getLast()).isEqualTo("TRAILER," + records.size() + "," + total.setScale(2).toPlainString());

        assertThat(records.stream().filter(line -> line.contains(run)).map(line -> line.substring(0, line.lastIndexOf(','))))
                .containsExactly(
                        drawdownA + ",DISBURSEMENT," + loanA + ",100.00,100.00,0.00,partner-bank-a," + booked,
                        drawdownB + ",DISBURSEMENT," + loanB + ",100.00,100.00,0.00,partner-bank-a," + booked,
                        "rp-" + run + "-1,REPAYMENT," + loanA + ",33.84,33.08,0.76,partner-bank-a," + booked,
                        "rp-" + run + "-1,REVERSAL," + loanA + ",33.84,33.08,0.76,partner-bank-a," + booked,
                        "rp-" + run + "-2,REPAYMENT," + loanB + ",33.84,33.08,0.76,partner-bank-a," + booked);

        String yesterday = ExportClient.text(reconciliation().get(MOVEMENTS + "?date=" + today.minusDays(1)));
        assertThat(yesterday).startsWith(lines.getFirst() + "\n").doesNotContain(run).contains("\nTRAILER,");
    }

    @Test
    void servesTheSameFileGzipped() {
        hundredYuan("dd-" + UUID.randomUUID());
        String day = LocalDate.now(SHANGHAI).toString();

        HttpResponse<byte[]> gzipped = reconciliation().get(MOVEMENTS + "?date=" + day + "&gzip=true");
        HttpResponse<byte[]> plain = reconciliation().get(MOVEMENTS + "?date=" + day);

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/gzip");
        assertThat(ExportClient.gunzip(gzipped.body())).isEqualTo(ExportClient.text(plain)).contains("\nTRAILER,");
    }

    @Test
    void refusesAMissingOrMalformedDateAndAnyoneButAService() {
        for (String query : new String[] {"", "?date=", "?date=2025-02-30", "?date=yesterday"}) {
            HttpResponse<byte[]> refused = reconciliation().get(MOVEMENTS + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(ExportClient.text(refused)).as(query).contains("\"date\"");
        }
        assertThat(as(TestTokens.appBackend()).get(MOVEMENTS + "?date=2025-03-14").statusCode()).isEqualTo(403);
        assertThat(as(TestTokens.staff("finance-liu", "FINANCE")).get(MOVEMENTS + "?date=2025-03-14").statusCode())
                .isEqualTo(403);
        assertThat(as(TestTokens.staff("finance-liu", "FINANCE")).postJson(ADJUSTMENTS, "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void booksAResolvedBreakOnceAgainstReconciliationDifferencesHoweverOftenItIsSent() {
        String breakId = "brk-" + UUID.randomUUID();
        String body = """
                {"breakId":"%s","kind":"ADJUSTED_LEDGER","amount":"12.34","fundingPartnerId":"partner-cfc-b",
                 "direction":"LOSS","reason":"partner statement short by 12.34","resolvedBy":"finance-liu"}""".formatted(breakId);

        HttpResponse<String> first = reconciliation().postJson(ADJUSTMENTS, body);
        HttpResponse<String> retry = reconciliation().postJson(ADJUSTMENTS, body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        String entryId = first.body().replaceAll("(?s).*\"journalEntryId\":\"([^\"]+)\".*", "$1");
        assertThat(retry.body()).contains("\"journalEntryId\":\"" + entryId + "\"");
        assertThat(jdbc.sql("""
                        select l.side || ' ' || l.account_code || ' ' || l.amount || ' ' || l.funding_partner
                          from journal_line l join journal_entry e on e.id = l.entry_id
                         where e.event_id = ? order by l.line_no
                        """).param("reconciliation:" + breakId).query(String.class).list())
                .containsExactly("DEBIT 1998 12.34 partner-cfc-b", "CREDIT 2101 12.34 partner-cfc-b");

        HttpResponse<String> otherFigures = reconciliation().postJson(ADJUSTMENTS, body.replace("12.34\",", "99.00\","));
        assertThat(otherFigures.statusCode()).isEqualTo(409);
        HttpResponse<String> badAmount = reconciliation().postJson(ADJUSTMENTS,
                body.replace(breakId, breakId + "-x").replace("\"12.34\"", "\"-1\""));
        assertThat(badAmount.statusCode()).isEqualTo(400);
        assertThat(badAmount.body()).contains("\"amount\"");
        assertThat(jdbc.sql("select count(*) from journal_entry where event_id like ?").param("reconciliation:" + breakId + "%")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
