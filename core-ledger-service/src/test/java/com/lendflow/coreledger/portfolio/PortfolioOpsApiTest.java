package com.lendflow.coreledger.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.loan.OpenLoan;
import com.lendflow.coreledger.loan.OpenLoanAccount;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.servicing.ApplyRepayment;
import com.lendflow.coreledger.servicing.ReceiveRepayment;
import com.lendflow.testsupport.HttpProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's view of the book: what was lent and repaid on a business date, and the active
 * loans by bucket. The database is shared with other tests, so each figure is read before and
 * after this test's own loans and the difference is what is checked.
 */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class PortfolioOpsApiTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired OpenLoanAccount open;
    @Autowired ApplyRepayment repayments;
    @Autowired BusinessDay businessDay;

    HttpProbe anonymous;
    HttpProbe supervisor;

    @BeforeEach
    void probes() {
        anonymous = HttpProbe.localhost(environment.getRequiredProperty("local.server.port", Integer.class));
        supervisor = anonymous.bearer(TestTokens.staff("supervisor-zhou", "OPS_SUPERVISOR"));
    }

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
    }

    @Test
    void twoLoansLentTodayAndOneRepaymentShowOnTodayAndInTheCurrentBucket() {
        LocalDate today = businessDay.today();
        JsonNode before = portfolio(today);

        UUID first = lend("100.00", today);
        lend("300.00", today);
        repayments.handle(new ReceiveRepayment("rp-" + UUID.randomUUID(), first, new BigDecimal("20.00"), "unionpay",
                Instant.now()), ApplyRepayment.OnRefusal.PROBLEM);

        JsonNode after = portfolio(today);
        assertThat(after.get("businessDate").asString()).isEqualTo(today.toString());
        JsonNode dayBefore = before.get("days").get(0);
        JsonNode day = after.get("days").get(0);
        assertThat(after.get("days").size()).isEqualTo(1);
        assertThat(day.get("date").asString()).isEqualTo(today.toString());
        assertThat(day.get("loansOpened").asLong() - dayBefore.get("loansOpened").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(day.get("disbursed").asString()).subtract(new BigDecimal(dayBefore.get("disbursed").asString())))
                .isEqualByComparingTo("400.00");
        assertThat(day.get("repayments").asLong() - dayBefore.get("repayments").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(day.get("repaid").asString()).subtract(new BigDecimal(dayBefore.get("repaid").asString())))
                .isEqualByComparingTo("20.00");
        assertThat(day.get("disbursed").asString()).matches("\\d+\\.\\d{2}");

        assertThat(after.get("buckets").valueStream().map(b -> b.get("bucket").asString()))
                .containsExactly("M0", "M1", "M2", "M3", "M3+");
        JsonNode m0Before = before.get("buckets").get(0);
        JsonNode m0 = after.get("buckets").get(0);
        assertThat(m0.get("loans").asLong() - m0Before.get("loans").asLong()).isEqualTo(2);
        // The repayment's principal part left the outstanding amount; 400 lent, less what 20.00 paid of principal.
        BigDecimal principalRepaid = jdbc.sql("""
                select coalesce(sum(a.amount), 0) from repayment_allocation a join repayment r on r.id = a.repayment_id
                 where r.loan_id = ? and a.component = 'PRINCIPAL'""").param(first).query(BigDecimal.class).single();
        assertThat(new BigDecimal(m0.get("outstandingPrincipal").asString())
                .subtract(new BigDecimal(m0Before.get("outstandingPrincipal").asString())))
                .isEqualByComparingTo(new BigDecimal("400.00").subtract(principalRepaid));
    }

    @Test
    void aRangeListsEveryDayEvenWithoutLoans() {
        HttpResponse<String> response = supervisor.get("/ops/v1/loans/portfolio?from=2001-02-01&to=2001-02-10");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode days = json.readTree(response.body()).get("days");
        assertThat(days.size()).isEqualTo(10);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2001-02-01");
        assertThat(days.get(9).get("date").asString()).isEqualTo("2001-02-10");
        assertThat(days.get(3).get("disbursed").asString()).isEqualTo("0.00");
        assertThat(days.get(3).get("loansOpened").asLong()).isZero();
    }

    @Test
    void aRangeBackwardsOrLongerThanAQuarterIsRefusedNamingFrom() {
        HttpResponse<String> backwards = supervisor.get("/ops/v1/loans/portfolio?from=2026-02-10&to=2026-02-01");
        HttpResponse<String> tooLong = supervisor.get("/ops/v1/loans/portfolio?from=2026-01-01&to=2026-06-30");

        assertThat(backwards.statusCode()).as(backwards.body()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("errors").get(0).get("rule").asString()).isEqualTo("range-too-long");
    }

    @Test
    void anAgentMayNotReadTheBookAndNobodyAnonymous() {
        assertThat(anonymous.bearer(TestTokens.staff("agent-li", "OPS_AGENT")).get("/ops/v1/loans/portfolio").statusCode())
                .isEqualTo(403);
        assertThat(anonymous.get("/ops/v1/loans/portfolio").statusCode()).isEqualTo(401);
    }

    JsonNode portfolio(LocalDate day) {
        HttpResponse<String> response = supervisor.get("/ops/v1/loans/portfolio?from=" + day + "&to=" + day);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    UUID lend(String principal, LocalDate today) {
        return open.handle(new OpenLoan("dsb-" + UUID.randomUUID(), UUID.randomUUID(), "CASH_LOAN_STANDARD",
                new BigDecimal(principal), new BigDecimal("0.09125"), 3, RepaymentMethod.EQUAL_INSTALLMENT, today,
                "bank-of-ningbo")).loan().id();
    }
}
