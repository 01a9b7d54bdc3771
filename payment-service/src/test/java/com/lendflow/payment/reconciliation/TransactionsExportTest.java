package com.lendflow.payment.reconciliation;

import com.lendflow.testsupport.ExportClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.payment.PaymentIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day's transactions as reconciliation-service reads them (#8). The day is 14 March 2025 in
 * Shanghai, which no other test touches; its transfers are written straight into the tables with
 * the times that matter, including one at each edge of the day and one on each side of it.
 */
class TransactionsExportTest extends PaymentIntegrationTest {

    static final String PATH = "/internal/v1/reconciliation/transactions";

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;

    ExportClient as(String token) {
        return new ExportClient(environment.getRequiredProperty("local.server.port", Integer.class), token);
    }

    @Test
    void listsTheDaysPayoutsAndCollectionsSortedWithATrailerThatAddsUp() {
        UUID paid = payout("LFDT20250314A1", "SUCCEEDED", "1000.00", "CH-A1", null, "2025-03-14T00:00:00+08:00");
        UUID failed = payout("LFDT20250314A2", "FAILED", "500.00", null, null, "2025-03-14T23:59:59+08:00");
        payout("LFDT20250314A3", "SUCCEEDED", "700.00", "CH-A3", null, "2025-03-13T23:59:59+08:00");
        UUID inFlight = payout("LFDT20250314A4", "SUBMITTED", "300.00", null, "2025-03-14T10:00:01+08:00", null);
        UUID loan = UUID.randomUUID();
        UUID collected = collection("LFRT20250314B5", loan, "SUCCEEDED", "120.50", "CH-B5", "2025-03-14T12:00:00+08:00", null);
        UUID returned = collection("LFRT20250314B6", loan, "REVERSED", "80.25", "CH-B6", "2025-03-13T20:00:00+08:00",
                "2025-03-14T09:00:00+08:00");
        collection("LFRT20250314B7", loan, "SUCCEEDED", "60.00", "CH-B7", "2025-03-15T00:00:00+08:00", null);

        HttpResponse<byte[]> response = as(TestTokens.service("reconciliation-service")).get(PATH + "?date=2025-03-14");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(ExportClient.text(response)).isEqualTo("""
                request_no,direction,business_id,loan_id,amount,status,channel_txn_id,completed_at,funding_partner_id
                LFDT20250314A1,PAYOUT,%s,,1000.00,SUCCEEDED,CH-A1,2025-03-14T00:00:00+08:00,partner-bank-a
                LFDT20250314A2,PAYOUT,%s,,500.00,FAILED,,2025-03-14T23:59:59+08:00,partner-bank-a
                LFDT20250314A4,PAYOUT,%s,,300.00,PROCESSING,,2025-03-14T10:00:01+08:00,partner-bank-a
                LFRT20250314B5,COLLECTION,%s,%s,120.50,SUCCEEDED,CH-B5,2025-03-14T12:00:00+08:00,partner-cfc-b
                LFRT20250314B6,COLLECTION,%s,%s,80.25,RETURNED,CH-B6,2025-03-14T09:00:00+08:00,partner-cfc-b
                TRAILER,5,2000.75
                """.formatted(paid, failed, inFlight, collected, loan, returned, loan));

        // The returned collection is still on the day it was collected, as collected, like the channel's statement.
        assertThat(ExportClient.text(as(TestTokens.service("reconciliation-service")).get(PATH + "?date=2025-03-13")))
                .contains("LFRT20250314B6,COLLECTION," + returned + "," + loan
                        + ",80.25,SUCCEEDED,CH-B6,2025-03-13T20:00:00+08:00,partner-cfc-b\n")
                .contains("LFDT20250314A3,")
                .doesNotContain("LFDT20250314A1");
    }

    @Test
    void servesTheSameFileGzipped() {
        payout("LFDT20250316C1", "SUCCEEDED", "42.00", "CH-C1", null, "2025-03-16T08:00:00+08:00");
        ExportClient reconciliation = as(TestTokens.service("reconciliation-service"));

        HttpResponse<byte[]> plain = reconciliation.get(PATH + "?date=2025-03-16");
        HttpResponse<byte[]> gzipped = reconciliation.get(PATH + "?date=2025-03-16&gzip=true");

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue("application/gzip");
        assertThat(ExportClient.gunzip(gzipped.body())).isEqualTo(ExportClient.text(plain)).endsWith("TRAILER,1,42.00\n");
    }

    @Test
    void refusesAMissingOrMalformedDateAndAnyoneButAService() {
        ExportClient reconciliation = as(TestTokens.service("reconciliation-service"));
        for (String query : new String[] {"", "?date=", "?date=2025-02-30", "?date=14-03-2025"}) {
            HttpResponse<byte[]> refused = reconciliation.get(PATH + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(ExportClient.text(refused)).as(query).contains("\"date\"");
        }
        assertThat(as(TestTokens.appBackend()).get(PATH + "?date=2025-03-14").statusCode()).isEqualTo(403);
        assertThat(as(TestTokens.staff("finance-liu", "FINANCE")).get(PATH + "?date=2025-03-14").statusCode())
                .isEqualTo(403);
    }

    UUID payout(String requestNo, String state, String amount, String channelTxn, String submittedAt, String completedAt) {
        UUID drawdownId = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse(completedAt != null ? completedAt : submittedAt);
        jdbc.sql("""
                        insert into disbursement (drawdown_id, request_no, customer_id, card_id, amount, funding_partner_id,
                                                  channel, agreement_no, business_date, state, failure_code, failure_reason,
                                                  channel_transaction_id, created_at, submitted_at, completed_at)
                        values (:id, :requestNo, :customer, :card, :amount, 'partner-bank-a', 'sim-channel', 'AG-1',
                                :day, :state, :code, :reason, :txn, :created, :submitted, :completed)
                        """)
                .param("id", drawdownId).param("requestNo", requestNo).param("customer", UUID.randomUUID())
                .param("card", UUID.randomUUID()).param("amount", new BigDecimal(amount))
                .param("day", at.toLocalDate()).param("state", state)
                .param("code", state.equals("FAILED") ? "CHANNEL_FAILED" : null)
                .param("reason", state.equals("FAILED") ? "the card is frozen" : null)
                .param("txn", channelTxn).param("created", at.minusSeconds(1).withOffsetSameInstant(ZoneOffset.UTC))
                .param("submitted", submittedAt == null ? null : OffsetDateTime.parse(submittedAt))
                .param("completed", completedAt == null ? null : OffsetDateTime.parse(completedAt))
                .update();
        return drawdownId;
    }

    UUID collection(String requestNo, UUID loanId, String state, String amount, String channelTxn, String completedAt,
                    String returnedAt) {
        UUID id = UUID.randomUUID();
        OffsetDateTime completed = OffsetDateTime.parse(completedAt);
        jdbc.sql("""
                        insert into repayment_order (id, request_no, loan_id, customer_id, mode, amount, card_id, card_masked,
                                                     agreement_no, channel, business_date, state, channel_transaction_id,
                                                     created_at, submitted_at, completed_at, reversed_at, reversal_reason,
                                                     funding_partner_id)
                        values (:id, :requestNo, :loan, :customer, 'AMOUNT', :amount, :card, '6222 **** **** 0001', 'AG-2',
                                'sim-channel', :day, :state, :txn, :created, :created, :completed, :returned, :reason,
                                'partner-cfc-b')
                        """)
                .param("id", id).param("requestNo", requestNo).param("loan", loanId).param("customer", UUID.randomUUID())
                .param("amount", new BigDecimal(amount)).param("card", UUID.randomUUID())
                .param("day", completed.toLocalDate()).param("state", state).param("txn", channelTxn)
                .param("created", completed.minusSeconds(2)).param("completed", completed)
                .param("returned", returnedAt == null ? null : OffsetDateTime.parse(returnedAt))
                .param("reason", returnedAt == null ? null : "chargeback")
                .update();
        return id;
    }
}
