package com.lendflow.contracts;

import java.util.Objects;

/**
 * The name and schema version under which a message travels, and the record it carries.
 * Names are chosen here, never derived from class names, so a class can be renamed without
 * breaking a consumer.
 */
public record MessageType<T extends Record>(String name, int schemaVersion, Class<T> payloadType) {

    public MessageType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a message type needs a name");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1");
        }
    }

    public static <T extends Record> MessageType<T> of(String name, int schemaVersion, Class<T> payloadType) {
        return new MessageType<>(name, schemaVersion, payloadType);
    }
}
