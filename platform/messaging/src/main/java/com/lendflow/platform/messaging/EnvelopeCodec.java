package com.lendflow.platform.messaging;

import com.lendflow.contracts.MessageType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes into JSON and back. Readers are tolerant of fields they do not know, so a
 * producer can add a field to a contract without breaking older consumers.
 */
public class EnvelopeCodec {

    private final JsonMapper mapper;

    public EnvelopeCodec(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public String encode(Envelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public Envelope decode(String json) {
        try {
            Envelope envelope = mapper.readValue(json, Envelope.class);
            if (envelope == null) {
                throw new MalformedMessageException("the message is empty");
            }
            return envelope;
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedMessageException("not a Lendflow envelope: " + e.getMessage(), e);
        }
    }

    public <T extends Record> Envelope wrap(MessageType<T> type, String aggregateId, T payload,
                                            java.util.UUID id, java.util.UUID correlationId,
                                            java.util.UUID causationId, java.time.Instant occurredAt) {
        return new Envelope(id, type.name(), aggregateId, correlationId, causationId, occurredAt,
                type.schemaVersion(), mapper.valueToTree(payload));
    }

    public <T extends Record> T payloadOf(Envelope envelope, MessageType<T> type) {
        if (envelope.schemaVersion() > type.schemaVersion()) {
            throw new MalformedMessageException("%s schema version %d is newer than the %d this consumer reads"
                    .formatted(type.name(), envelope.schemaVersion(), type.schemaVersion()));
        }
        try {
            return mapper.treeToValue(envelope.payload(), type.payloadType());
        } catch (JacksonException e) {
            throw new MalformedMessageException("payload is not a valid " + type.name() + ": " + e.getMessage(), e);
        }
    }
}
