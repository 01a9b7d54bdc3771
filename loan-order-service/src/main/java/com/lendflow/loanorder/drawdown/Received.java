package com.lendflow.loanorder.drawdown;

import java.time.Instant;
import java.util.UUID;

/** A reply as the timeline records it: its contract name, its message id, and when it was handled. */
record Received(String type, UUID messageId, Instant at) {
}
