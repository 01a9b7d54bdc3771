package com.lendflow.antifraud.blacklist;

import java.time.Instant;
import java.util.UUID;

/** One blacklisted identifier, known only by its blind index and a masked hint. */
record BlacklistEntry(UUID id, BlacklistKind kind, String valueIndex, String valueMasked, String reason, String addedBy,
                      Instant addedAt) {
}
