package com.lendflow.collection.postloan.adjustment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.lendflow.collection.postloan.PostLoanProperties;
import com.lendflow.platform.security.access.InternalCalls;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks core-ledger, with this service's own token, {@code GET /internal/v1/loans/{loanId}/amounts-due} how a
 * loan stands. Called before any transaction opens: a slow ledger never holds a database connection here.
 */
@Component
class LedgerLoans {

    private final RestClient http;

    LedgerLoans(InternalCalls internalCalls, PostLoanProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.ledger().timeout()).build());
        requests.setReadTimeout(properties.ledger().timeout());
        this.http = internalCalls.to(properties.ledger().baseUrl().toString()).mutate().requestFactory(requests).build();
    }

    /** The loan's standing, or empty when the ledger has no such loan. */
    Optional<LoanStanding> standing(UUID loanId) {
        try {
            AmountsDue due = http.get().uri("/internal/v1/loans/{loanId}/amounts-due", loanId).retrieve().body(AmountsDue.class);
            if (due == null || due.customerId() == null || due.status() == null || due.daysPastDue() == null) {
                throw new LedgerUnavailable("core-ledger answered without the loan's customer, status or days past due");
            }
            return Optional.of(new LoanStanding(loanId, due.customerId(), due.status(), due.daysPastDue()));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            throw new LedgerUnavailable("core-ledger refused to say how loan " + loanId + " stands: " + e.getStatusCode().value());
        } catch (RestClientException e) {
            throw new LedgerUnavailable("core-ledger could not be asked how loan " + loanId + " stands: "
                    + e.getClass().getSimpleName());
        }
    }

    /** The part of the ledger's answer this service reads; the amounts are the ledger's business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AmountsDue(UUID loanId, UUID customerId, String status, Integer daysPastDue) {
    }
}
