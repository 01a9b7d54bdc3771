package com.lendflow.payment.repayment;

import com.lendflow.platform.security.access.InternalCalls;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Asks core-ledger-service, with this service's own token, {@code GET /internal/v1/loans/{id}/amounts-due}. */
@Component
@EnableConfigurationProperties(LedgerProperties.class)
class HttpLoanAmounts implements LoanAmounts {

    private final RestClient http;

    HttpLoanAmounts(InternalCalls internalCalls, LedgerProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = internalCalls.to(properties.baseUrl().toString()).mutate().requestFactory(requests).build();
    }

    @Override
    public Optional<AmountsDue> of(UUID loanId) {
        Answer answer;
        try {
            answer = http.get().uri("/internal/v1/loans/{id}/amounts-due", loanId).retrieve().body(Answer.class);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new LedgerUnavailable("core-ledger refused to say what loan " + loanId + " owes: "
                    + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new LedgerUnavailable("core-ledger could not be asked what loan " + loanId + " owes: "
                    + e.getClass().getSimpleName(), e);
        }
        if (answer == null || answer.customerId() == null || answer.status() == null || answer.dueNow() == null
                || answer.currentInstallment() == null) {
            throw new LedgerUnavailable("core-ledger answered loan " + loanId + "'s amounts due incompletely", null);
        }
        try {
            BigDecimal current = money(answer.currentInstallment());
            // A ledger that does not say the largest amount it takes is trusted for no more than the installment.
            BigDecimal largest = answer.largestAmount() == null ? current : money(answer.largestAmount());
            return Optional.of(new AmountsDue(loanId, answer.customerId(), answer.status(), money(answer.dueNow()),
                    current, answer.payoff() == null ? null : money(answer.payoff()), largest,
                    answer.daysPastDue() == null ? 0 : answer.daysPastDue(), answer.fundingPartnerId()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new LedgerUnavailable("core-ledger answered loan " + loanId + "'s amounts due with a malformed amount", e);
        }
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text.strip()).setScale(2);
    }

    record Answer(UUID loanId, UUID customerId, UUID drawdownId, String status, String asOf, String dueNow,
                  String currentInstallment, String payoff, String largestAmount, Integer daysPastDue,
                  String fundingPartnerId) {
    }
}
