package com.lendflow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it takes. Read from the environment:
 * {@code LENDFLOW_HOME} (default {@code ./.lendflow}), {@code LENDFLOW_PORT_OFFSET} (added to every
 * port, default 0), {@code LENDFLOW_POSTGRES_PORT} (15432), {@code LENDFLOW_KAFKA_PORT} (19092),
 * {@code LENDFLOW_START_THREADS} (services started side by side, default 2).
 */
record StackSettings(Path home, int portOffset, int postgresPort, int kafkaPort, int startThreads) {

    static StackSettings fromEnvironment(Map<String, String> env) {
        int offset = Integer.parseInt(env.getOrDefault("LENDFLOW_PORT_OFFSET", "0"));
        return new StackSettings(
                Path.of(env.getOrDefault("LENDFLOW_HOME", ".lendflow")).toAbsolutePath(),
                offset,
                Integer.parseInt(env.getOrDefault("LENDFLOW_POSTGRES_PORT", String.valueOf(15432 + offset))),
                Integer.parseInt(env.getOrDefault("LENDFLOW_KAFKA_PORT", String.valueOf(19092 + offset))),
                Integer.parseInt(env.getOrDefault("LENDFLOW_START_THREADS", "2")));
    }

    int portOf(StackService service) {
        return service.port() + portOffset;
    }

    String urlOf(StackService service) {
        return "http://localhost:" + portOf(service);
    }
}
