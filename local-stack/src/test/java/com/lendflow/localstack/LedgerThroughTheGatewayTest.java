package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A loan opened by a service (as the drawdown saga will) is readable by its customer through the
 * gateway with its schedule, and by finance with its history and the books, with real tokens.
 *
 * <p>The loan is opened straight through core-ledger's internal API for a customer no other service
 * knows, so the books lend 100.00 that no payout and no credit line account for: exactly what the
 * invariants checker exists to catch. The class therefore runs last, after every class that checks
 * the invariants on the shared stack (InvariantsTest, BackupRestoreTest, FaultCampaignTest).
 */
@Order(Integer.MAX_VALUE)
class LedgerThroughTheGatewayTest {

    @Test
    void theHundredYuanLoanIsOpenedBookedAndReadableByItsCustomerAndFinance() {
        LocalStack stack = SharedStack.get();
        String customerId = UUID.randomUUID().toString();
        String disbursementId = "dsb-" + UUID.randomUUID();
        StackService coreLedger = Suite.SERVICES.stream().filter(s -> s.name().equals("core-ledger-service")).findFirst().orElseThrow();

        HttpResponse<String> opened = SharedStack.send(HttpRequest.newBuilder(
                        URI.create(stack.urlOf(coreLedger) + "/internal/v1/loans"))
                .header("Authorization", "Bearer " + SharedStack.clientToken("loan-order-service"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"disbursementId":"%s","customerId":"%s","productCode":"CASH_LOAN_STANDARD","principal":"100.00",
                         "annualRate":"0.09125","termMonths":3,"method":"EQUAL_INSTALLMENT","startDate":"2026-01-15",
                         "fundingPartner":"partner-bank-a"}""".formatted(disbursementId, customerId))));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String loanId = opened.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(loanId).hasSize(36);

        HttpResponse<String> asCustomer = SharedStack.get("/api/v1/loans/" + loanId, Map.of(
                "Authorization", "Bearer " + SharedStack.clientToken("app-backend"), "X-Customer-Id", customerId));
        assertThat(asCustomer.statusCode()).as(asCustomer.body()).isEqualTo(200);
        assertThat(asCustomer.body()).contains("\"33.84\"").contains("\"33.85\"");

        String finance = "Bearer " + SharedStack.staffToken("finance");
        HttpResponse<String> history = SharedStack.get("/ops/v1/loans/" + loanId + "/history", Map.of("Authorization", finance));
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains(disbursementId).contains("\"100.00\"");

        HttpResponse<String> trialBalance = SharedStack.get("/ops/v1/ledger/trial-balance?asOf=2026-01-15",
                Map.of("Authorization", finance));
        assertThat(trialBalance.statusCode()).as(trialBalance.body()).isEqualTo(200);

        HttpResponse<String> asAgent = SharedStack.get("/ops/v1/ledger/trial-balance?asOf=2026-01-15",
                Map.of("Authorization", "Bearer " + SharedStack.staffToken("agent")));
        assertThat(asAgent.statusCode()).isEqualTo(403);
    }
}
