package com.lendflow.platform.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The one shape of every message on Lendflow's topics.
 *
 * @param id            unique per message; consumers deduplicate on it
 * @param type          the contract name, for example {@code CustomerRegistered}
 * @param aggregateId   the aggregate the message is about; also the Kafka record key
 * @param correlationId the business flow (request or order) the message belongs to
 * @param causationId   the message that caused this one, or null when a request caused it
 * @param occurredAt    when the fact happened or the command was issued
 * @param schemaVersion the contract version of {@code payload}
 * @param payload       the contract record as JSON
 */
public record Envelope(
        UUID id,
        String type,
        String aggregateId,
        UUID correlationId,
        UUID causationId,
        Instant occurredAt,
        int schemaVersion,
        JsonNode payload) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }
}
