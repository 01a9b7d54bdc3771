package com.lendflow.collection.casework;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.platform.security.access.InternalCalls;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * A loan's statement (schedule and repayment history) from core-ledger-service
 * ({@code GET /internal/v1/loans/{id}/statement}), fetched when a case is shown and passed on as
 * core-ledger wrote it: collection keeps no copy of the ledger.
 */
@Component
class LoanStatements {

    private final RestClient coreLedger;

    LoanStatements(InternalCalls calls, CollectionSettings settings) {
        this.coreLedger = calls.to(settings.services().coreLedger().toString());
    }

    record Statement(JsonNode body, String unavailable) {
    }

    Statement of(UUID loanId) {
        try {
            return new Statement(coreLedger.get().uri("/internal/v1/loans/{id}/statement", loanId).retrieve()
                    .body(JsonNode.class), null);
        } catch (RestClientException e) {
            return new Statement(null, "core-ledger-service did not give the statement (" + e.getMessage() + ")");
        }
    }
}
