package com.lendflow.contracts.creditdecision;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed credit-bureau authorisation (征信授权书) that permits a bureau query: the archived
 * document in esign-service and its SHA-256. credit-decision-service records it beside every
 * query it makes, so each report read can be traced to the customer's consent.
 */
public record BureauAuthorisation(UUID documentId, String sha256, Instant signedAt) {
}
