package com.lendflow.loanorder.reconciliation;

import com.lendflow.testsupport.ExportClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.testsupport.ServiceIntegrationTest;
import com.lendflow.testsupport.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day's drawdowns as reconciliation-service reads them (#8). The day is 14 March 2025 in
 * Shanghai, which no other test touches; its drawdowns are written straight into the table with
 * the times that matter, including one at each edge of the day and one on each side of it.
 */
@ServiceIntegrationTest(database = "lendflow_loan_order")
class DrawdownsExportTest {

    static final String PATH = "/internal/v1/reconciliation/drawdowns";

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;

    ExportClient as(String token) {
        return new ExportClient(environment.getRequiredProperty("local.server.port", Integer.class), token);
    }

    @Test
    void listsTheDaysDisbursedAndFailedDrawdownsSortedWithATrailerThatAddsUp() {
        UUID customer = customer();
        UUID loan1 = UUID.randomUUID();
        UUID loan2 = UUID.randomUUID();
        UUID atMidnight = drawdown("00000000-0000-4000-8000-000000140001", customer, "DISBURSED", "1000.00", loan1,
                "2025-03-14T00:00:00+08:00", null);
        UUID failed = drawdown("00000000-0000-4000-8000-000000140002", customer, "FAILED", "250.00", null, null,
                "2025-03-14T23:59:59+08:00");
        UUID paidNotOpened = drawdown("00000000-0000-4000-8000-000000140003", customer, "DISBURSING", "300.00", null,
                "2025-03-14T11:00:00+08:00", null);
        drawdown("00000000-0000-4000-8000-000000140004", customer, "DISBURSED", "700.00", loan2,
                "2025-03-13T23:59:59+08:00", null);
        drawdown("00000000-0000-4000-8000-000000140005", customer, "FAILED", "80.00", null, null,
                "2025-03-15T00:00:00+08:00");
        drawdown("00000000-0000-4000-8000-000000140006", customer, "DISBURSING", "90.00", null, null, null);

        HttpResponse<byte[]> response = as(TestTokens.service("reconciliation-service")).get(PATH + "?date=2025-03-14");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(ExportClient.text(response)).isEqualTo("""
                drawdown_id,state,amount,loan_id,customer_id,disbursed_at
                %s,DISBURSED,1000.00,%s,%s,2025-03-14T00:00:00+08:00
                %s,FAILED,250.00,,%s,2025-03-14T23:59:59+08:00
                %s,DISBURSING,300.00,,%s,2025-03-14T11:00:00+08:00
                TRAILER,3,1550.00
                """.formatted(atMidnight, loan1, customer, failed, customer, paidNotOpened, customer));
    }

    @Test
    void servesTheSameFileGzipped() {
        drawdown(UUID.randomUUID().toString(), customer(), "DISBURSED", "42.00", UUID.randomUUID(),
                "2025-03-16T08:00:00+08:00", null);
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
        for (String query : new String[] {"", "?date=", "?date=2025-02-30", "?date=20250314"}) {
            HttpResponse<byte[]> refused = reconciliation.get(PATH + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(ExportClient.text(refused)).as(query).contains("\"date\"");
        }
        assertThat(as(TestTokens.appBackend()).get(PATH + "?date=2025-03-14").statusCode()).isEqualTo(403);
        assertThat(as(TestTokens.staff("finance-zhao", "FINANCE")).get(PATH + "?date=2025-03-14").statusCode())
                .isEqualTo(403);
    }

    UUID customer() {
        UUID id = UUID.randomUUID();
        // Stored as written: only this test reads the row, and only its id.
        jdbc.sql("""
                        insert into customer (id, name_encrypted, mobile_encrypted, id_number_encrypted, id_number_index,
                                              mobile_index, name_index, registered_at)
                        values (?, 'x', 'x', 'x', ?, ?, ?, now())
                        """).params(id, "test-" + id, "test-mobile-" + id, "test-name-" + id).update();
        return id;
    }

    UUID drawdown(String id, UUID customer, String state, String amount, UUID loanId, String disbursedAt,
                  String failedAt) {
        UUID drawdownId = UUID.fromString(id);
        OffsetDateTime concluded = state.equals("DISBURSED") ? OffsetDateTime.parse(disbursedAt).plusSeconds(1)
                : failedAt == null ? null : OffsetDateTime.parse(failedAt);
        jdbc.sql("""
                        insert into drawdown (id, customer_id, idempotency_key, state, step, attempts, reason_code, reason,
                                              amount, term_months, method, card_id, credit_application_id,
                                              full_name_encrypted, id_number_encrypted, mobile_encrypted,
                                              authorisation_document_id, authorisation_sha256, authorisation_signed_at,
                                              partner_id, disbursed_at, loan_id, submitted_at, updated_at, concluded_at,
                                              version)
                        values (:id, :customer, :key, :state, :step, 0, :code, :reason, :amount, 3, 'EQUAL_INSTALLMENT',
                                :card, :application, 'x', 'x', 'x', :document, 'sha', now(), 'partner-bank-a',
                                :disbursed, :loan, now(), now(), :concluded, 0)
                        """)
                .param("id", drawdownId).param("customer", customer).param("key", "k-" + drawdownId)
                .param("state", state).param("step", state.equals("FAILED") ? "DISBURSE"
                        : state.equals("DISBURSING") ? "OPEN_LOAN_ACCOUNT" : null)
                .param("code", state.equals("FAILED") ? "DISBURSEMENT_FAILED" : null)
                .param("reason", state.equals("FAILED") ? "the card is frozen" : null)
                .param("amount", new BigDecimal(amount)).param("card", UUID.randomUUID())
                .param("application", UUID.randomUUID()).param("document", UUID.randomUUID())
                .param("disbursed", disbursedAt == null ? null : OffsetDateTime.parse(disbursedAt))
                .param("loan", loanId).param("concluded", concluded)
                .update();
        return drawdownId;
    }
}
