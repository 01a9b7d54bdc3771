package com.lendflow.creditdecision.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One read of a credit report, with the authorisation that permitted it; for a credit-line
 * application or for a drawdown (exactly one of the two ids is set).
 */
public record ReportRead(UUID reportId, UUID applicationId, UUID drawdownId, UUID customerId,
                         UUID authorisationDocumentId, String authorisationSha256, ReportSource source, Instant readAt) {
}
