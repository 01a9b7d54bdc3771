package com.lendflow.platform.security.audit;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One audit record as the ops console shows it; before/after are the masked JSON snapshots. */
public record AuditRecordView(
        long id,
        Instant occurredAt,
        String actor,
        List<String> actorRoles,
        String action,
        String subjectType,
        String subjectId,
        JsonNode before,
        JsonNode after,
        String reason,
        String requestId,
        String service) {
}
