package com.lendflow.creditdecision.report;

import java.time.Instant;
import java.util.UUID;

/** One read of a credit report, with the authorisation that permitted it. */
public record ReportRead(UUID reportId, UUID applicationId, UUID customerId, UUID authorisationDocumentId,
                         String authorisationSha256, ReportSource source, Instant readAt) {
}
