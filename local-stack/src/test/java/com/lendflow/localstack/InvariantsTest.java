package com.lendflow.localstack;

import static com.lendflow.localstack.DrawdownJourneyTest.await;
import static com.lendflow.localstack.DrawdownJourneyTest.idOf;
import static com.lendflow.localstack.DrawdownJourneyTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.invariants.Invariants;
import com.lendflow.invariants.Report;
import com.lendflow.invariants.Result;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invariants checker (issue 10) on the shared stack: after a real drawdown every invariant holds; then, for each
 * of several invariants, a row changed in a transaction that is never committed, shown to the checker through that
 * very connection, breaks exactly that invariant and the checker names the offending id. Nothing is committed: the
 * stack is as it was after each case.
 */
class InvariantsTest {

    static String customerId;
    static String drawdownId;

    @BeforeAll
    static void aCustomerBorrowsHundredYuan() {
        String app = "Bearer " + SharedStack.clientToken("app-backend");
        String mobile = Identities.mobile();
        String idNumber = Identities.idNumber();
        customerId = idOf(SharedStack.postJson("/api/v1/customers",
                "{\"name\":\"赵不变\",\"mobile\":\"%s\",\"idNumber\":\"%s\"}".formatted(mobile, idNumber),
                Map.of("Authorization", app, "Idempotency-Key", UUID.randomUUID().toString())), 201);
        Map<String, String> asCustomer = Map.of("Authorization", app, "X-Customer-Id", customerId);
        HttpResponse<String> profile = SharedStack.send(HttpRequest.newBuilder(URI.create(simulator()
                        + "/sim/v1/bureau/profiles/" + idNumber))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"worstDaysPastDueLast24Months":0,"overdueAccounts":0,"totalOutstandingDebt":"0.00",
                         "openAccounts":1,"inquiriesLast3Months":0,"inquiriesLast6Months":0}""")));
        assertThat(profile.statusCode()).as(profile.body()).isBetween(200, 204);
        String applicationId = idOf(SharedStack.postJson("/api/v1/credit-applications", """
                {"fullName":"赵不变","mobile":"%s","idNumber":"%s",
                 "consents":{"creditBureauAuthorisation":true,"privacyPolicy":true},
                 "device":{"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.0",
                           "ip":"10.20.30.42","emulator":false,"rooted":false}}"""
                .formatted(mobile, idNumber, UUID.randomUUID()),
                with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        await("/api/v1/credit-applications/" + applicationId, asCustomer, "APPROVED");
        String cardId = DrawdownJourneyTest.bindCard(asCustomer, mobile, "赵不变");
        drawdownId = idOf(SharedStack.postJson("/api/v1/drawdowns", """
                {"amount":"100.00","termMonths":3,"method":"EQUAL_INSTALLMENT","cardId":"%s"}""".formatted(cardId),
                with(asCustomer, "Idempotency-Key", UUID.randomUUID().toString())), 202);
        await("/api/v1/drawdowns/" + drawdownId, asCustomer, "DISBURSED");
    }

    @Test
    void afterARealDrawdownEveryInvariantHolds() {
        Report report = Invariants.forLocalStack(SharedStack.OFFSET).awaitHeld(Duration.ofSeconds(30));
        // The report goes to target/surefire-reports: a sample of what `./lendflow check` prints.
        System.out.print(report.render());

        assertThat(report.allHeld()).as(report.render()).isTrue();
        assertThat(report.violations()).isZero();
        assertThat(report.results()).extracting(Result::invariant).containsExactlyElementsOf(Invariants.ALL);
        assertThat(report.result(Invariants.ONE_PAYOUT_PER_ORDER).detail()).as(report.render())
                .doesNotContain(" 0 judged at the channel");
    }

    @Test
    void aDrawdownLeftMidSagaWithItsDeadlineLongPastIsStuck() {
        Report report = withUncommitted("lendflow_loan_order", """
                update drawdown set state = 'DISBURSING', step = 'DISBURSE', concluded_at = null,
                       step_deadline = now() - interval '10 minutes'
                 where id = '%s'""".formatted(drawdownId));

        assertBrokenNaming(report, Invariants.SAGAS_CONCLUDE, drawdownId);
        assertThat(report.result(Invariants.SAGAS_CONCLUDE).offendingIds()).anySatisfy(entry ->
                assertThat(entry).startsWith(drawdownId).contains("DISBURSING at step DISBURSE"));
    }

    @Test
    void aPayoutPaymentServiceCallsFailedUnderADisbursedOrderBreaksOnePayoutAndTheLedgerMatch() {
        Report report = withUncommitted("lendflow_payment", """
                update disbursement set state = 'FAILED', failure_code = 'TAMPERED', failure_reason = 'changed by a test'
                 where drawdown_id = '%s'""".formatted(drawdownId));

        assertBrokenNaming(report, Invariants.ONE_PAYOUT_PER_ORDER, drawdownId);
        assertBrokenNaming(report, Invariants.LEDGER_MATCHES_PAYMENT, drawdownId);
        assertBrokenNaming(report, Invariants.FUNDING_MATCHES_PAYOUTS, drawdownId);
    }

    @Test
    void aLineOccupyingOneYuanMoreThanItsLoansIsNamed() {
        Report report = withUncommitted("lendflow_limit",
                "update credit_line set occupied = occupied + 1.00 where customer_id = '%s'".formatted(customerId));

        assertBrokenNaming(report, Invariants.LINES_MATCH_LOANS, customerId);
    }

    @Test
    void aFundingPositionUsingMoreThanItsConfirmedDrawdownsIsNamed() {
        String partnerDay = SharedStack.text("lendflow_funding", """
                select partner_id || ' ' || business_date from funding_reservation where drawdown_id = '%s'"""
                .formatted(drawdownId));
        assertThat(partnerDay).isNotNull();

        Report report = withUncommitted("lendflow_funding", """
                update funding_position set used = used + 1.00
                 where partner_id || ' ' || business_date = '%s'""".formatted(partnerDay));

        assertBrokenNaming(report, Invariants.FUNDING_MATCHES_PAYOUTS, partnerDay);
    }

    @Test
    void aCouponRedeemedForADrawdownThatNamesNoCouponIsNamed() {
        String phantomDrawdown = UUID.randomUUID().toString();

        Report report = withUncommitted("lendflow_marketing", """
                insert into coupon_use (drawdown_id, coupon_id, customer_id, state, locked_at, redeemed_at, decided_at)
                values ('%s', '%s', '%s', 'REDEEMED', now(), now(), now())"""
                .formatted(phantomDrawdown, UUID.randomUUID(), customerId));

        assertBrokenNaming(report, Invariants.COUPONS_MATCH_LOANS, phantomDrawdown);
    }

    @Test
    void aJournalEntryWithADebitAndNoCreditUnbalancesTheBooks() {
        // The books' balance trigger runs at commit; this transaction never commits.
        String entry = UUID.randomUUID().toString();

        Report report = withUncommitted("lendflow_core_ledger", """
                insert into journal_entry (id, business_date, event_type, event_id, memo)
                values ('%1$s', current_date, 'Tampered', 'test:%1$s', 'one-sided, never committed')""".formatted(entry),
                "insert into journal_line (entry_id, line_no, account_code, side, amount) values ('%s', 1, '1101', 'DEBIT', 1.00)"
                        .formatted(entry));

        assertBrokenNaming(report, Invariants.BOOKS_BALANCE, entry);
        assertBrokenNaming(report, Invariants.BOOKS_BALANCE, "trial-balance");
    }

    private static void assertBrokenNaming(Report report, String invariant, String id) {
        Result result = report.result(invariant);
        assertThat(result.held()).as(report.render()).isFalse();
        assertThat(result.names(id)).as(id + " among the offenders of " + invariant + ":\n" + report.render()).isTrue();
    }

    /**
     * One pass of the checker that sees {@code database} through a connection whose transaction has run
     * {@code statements} and is rolled back afterwards; every other database as it is.
     */
    private static Report withUncommitted(String database, String... statements) {
        try (Connection tampered = connect(database)) {
            tampered.setAutoCommit(false);
            try (Statement statement = tampered.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            // The checker closes what it is given; this one is closed here, after its rollback.
            Connection lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(tampered, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try {
                return Invariants.of(name -> name.equals(database) ? lent : connect(name), URI.create(simulator())).check();
            } finally {
                tampered.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String database) {
        try {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + SharedStack.get().postgresPort() + "/"
                    + database, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simulator() {
        return SharedStack.get().urlOf(Suite.PARTNER_SIMULATOR);
    }
}
