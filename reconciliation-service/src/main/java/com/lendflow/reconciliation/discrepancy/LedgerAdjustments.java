package com.lendflow.reconciliation.discrepancy;

import com.lendflow.platform.security.access.InternalCalls;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.reconciliation.ReconciliationSettings;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Books a resolution that changes money through core-ledger ({@code POST /internal/v1/reconciliation/adjustments}):
 * a balanced entry against the reconciliation-differences suspense account, once per break (the ledger answers a
 * repeated call with the same entry), never an edit.
 */
@Component
class LedgerAdjustments {

    private final RestClient ledger;

    LedgerAdjustments(InternalCalls internal, ReconciliationSettings settings) {
        this.ledger = internal.to(settings.sources().coreLedger().toString());
    }

    record Adjustment(UUID breakId, String kind, String amount, String loanId, String fundingPartnerId, String direction,
                      String reason, String resolvedBy) {
    }

    /** @return the journal entry's id */
    String book(Adjustment adjustment) {
        try {
            JsonNode entry = ledger.post().uri("/internal/v1/reconciliation/adjustments")
                    .contentType(MediaType.APPLICATION_JSON).body(adjustment).retrieve().body(JsonNode.class);
            if (entry == null || entry.path("journalEntryId").isMissingNode()) {
                throw new ApiProblem(HttpStatus.BAD_GATEWAY, "ledger-adjustment-failed", "Ledger adjustment failed",
                        "core-ledger answered without a journal entry; nothing was changed here");
            }
            return entry.path("journalEntryId").asString();
        } catch (HttpClientErrorException refused) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ledger-adjustment-refused", "Ledger adjustment refused",
                    "core-ledger refused the adjustment (" + refused.getStatusCode().value() + "): "
                            + refused.getResponseBodyAsString());
        } catch (RestClientException unavailable) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "ledger-unavailable", "Ledger unavailable",
                    "core-ledger could not book the adjustment; the break is unchanged, try again");
        }
    }
}
