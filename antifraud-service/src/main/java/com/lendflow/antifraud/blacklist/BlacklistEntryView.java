package com.lendflow.antifraud.blacklist;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A blacklist entry as ops staff see it: the value masked, never whole. */
public record BlacklistEntryView(UUID id, BlacklistKind kind, String value, String reason, String addedBy,
                                 Instant addedAt) {

    static BlacklistEntryView of(BlacklistEntry entry) {
        return new BlacklistEntryView(entry.id(), entry.kind(), entry.valueMasked(), entry.reason(), entry.addedBy(),
                entry.addedAt());
    }

    Map<String, Object> snapshot() {
        return Map.of("kind", kind.name(), "value", value, "reason", reason, "addedBy", addedBy,
                "addedAt", addedAt.toString());
    }
}
