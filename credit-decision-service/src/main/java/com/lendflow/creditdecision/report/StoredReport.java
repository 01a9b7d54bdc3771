package com.lendflow.creditdecision.report;

import com.lendflow.creditdecision.bureau.BureauReport;
import java.time.Instant;
import java.util.UUID;

/** A report Lendflow holds: our id for it, what it says, and when it was fetched from the bureau. */
public record StoredReport(UUID id, BureauReport report, Instant fetchedAt) {
}
