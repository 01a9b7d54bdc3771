package com.lendflow.collection.casework;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A collection case was opened on a business date; published inside the transaction that opened it,
 * so listeners that act after commit see the case.
 */
public record CaseOpened(UUID caseId, UUID customerId, LocalDate on) {
}
