package com.lendflow.platform.messaging;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * Where the current unit of work came from. An HTTP request sets the correlation id (the web
 * kit puts the request's id into the MDC); a consumed message sets both the correlation id and
 * itself as the cause. Messages published while it is set carry them on, so one drawdown's
 * messages can be followed across every service and every log line.
 */
public final class MessageContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private MessageContext() {
    }

    static UUID correlationIdOrNew() {
        UUID current = parse(MDC.get(CORRELATION_ID));
        return current != null ? current : UUID.randomUUID();
    }

    static UUID causationId() {
        return parse(MDC.get(CAUSATION_ID));
    }

    /** Runs {@code work} as the handling of {@code envelope}, restoring the previous context after. */
    static void within(Envelope envelope, Runnable work) {
        String previousCorrelation = MDC.get(CORRELATION_ID);
        String previousCausation = MDC.get(CAUSATION_ID);
        MDC.put(CORRELATION_ID, envelope.correlationId().toString());
        MDC.put(CAUSATION_ID, envelope.id().toString());
        try {
            work.run();
        } finally {
            restore(CORRELATION_ID, previousCorrelation);
            restore(CAUSATION_ID, previousCausation);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    private static UUID parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
