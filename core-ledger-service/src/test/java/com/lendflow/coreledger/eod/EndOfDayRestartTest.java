package com.lendflow.coreledger.eod;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.loan.OpenLoan;
import com.lendflow.coreledger.loan.OpenLoanAccount;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** End of day survives a crash between batches, and staff can start it and follow it. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class EndOfDayRestartTest {

    @Autowired OpenLoanAccount open;
    @Autowired EndOfDay endOfDay;
    @Autowired EodBatch batch;
    @Autowired EodRuns runs;
    @Autowired BusinessDay businessDay;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
        LedgerInvariants.checkSubLedger(jdbc);
    }

    List<UUID> openLoans(int count) {
        return IntStream.range(0, count).mapToObj(i -> open.handle(new OpenLoan("dsb-" + UUID.randomUUID(),
                UUID.randomUUID(), "CASH_LOAN_STANDARD", new BigDecimal("1000.00"), new BigDecimal("0.18"), 12,
                RepaymentMethod.EQUAL_PRINCIPAL, businessDay.today(), "bank-of-ningbo")).loan().id()).toList();
    }

    @Test
    void aRunThatCrashedBetweenBatchesResumesAndAccruesEveryLoanExactlyOnce() {
        List<UUID> loans = openLoans(7);
        LocalDate day = businessDay.today();

        // The crash: the run began and committed two batches of two loans, then the process died.
        runs.begin(day, Instant.now());
        assertThat(batch.close(day, 2)).isEqualTo(2);
        assertThat(batch.close(day, 2)).isEqualTo(2);

        EodRun resumed = endOfDay.run();

        assertThat(resumed.status()).isEqualTo("FINISHED");
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.loansDone()).isEqualTo(resumed.loansTotal());
        assertThat(businessDay.today()).isEqualTo(day.plusDays(1));
        // Day one of a 1,000.00 loan at 18%: its first period's interest, 15.00, spread over the
        // period's days; every loan got exactly one accrual for the day, all the same.
        for (UUID loan : loans) {
            assertThat(jdbc.sql("select count(*) from accrual where loan_id = ? and business_date = ?")
                    .params(loan, day).query(Long.class).single()).as("accruals of " + loan).isOne();
        }
        assertThat(jdbc.sql("select count(distinct amount) from accrual where loan_id = any(?) and business_date = ?")
                .params(loans.toArray(UUID[]::new), day).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("""
                        select count(*) from installment
                         where loan_id = any(?) and period = 1 and interest = 15.00
                        """).param(loans.toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void staffStartTheRunAndFollowItsProgress() {
        openLoans(2);
        LocalDate day = businessDay.today();
        HttpProbe finance = HttpProbe.localhost(port).bearer(TestTokens.staff("finance", "FINANCE"));

        var started = finance.postJson("/ops/v1/eod/runs", "");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).contains("/ops/v1/eod/runs/" + day);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var run = finance.get("/ops/v1/eod/runs/" + day);
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(run.body()).contains("\"status\":\"FINISHED\"").contains("\"phase\":\"DONE\"");
        });
        assertThat(finance.get("/ops/v1/business-date").body()).contains(day.plusDays(1).toString());
        // The history the console shows: the latest day first, paged in the database.
        var history = finance.get("/ops/v1/eod/runs?size=1");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).startsWith("{\"items\":[{\"businessDate\":\"" + day + "\"")
                .contains("\"size\":1").containsPattern("\"totalItems\":[1-9]");
        var tooLarge = finance.get("/ops/v1/eod/runs?size=1000");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("\"field\":\"size\"");
        assertThat(HttpProbe.localhost(port).bearer(TestTokens.staff("agent", "OPS_AGENT"))
                .postJson("/ops/v1/eod/runs", "").statusCode()).isEqualTo(403);
    }
}
