package com.lendflow.platform.security.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts ops actions on the append-only record of the service's own database ({@code
 * audit.audit_record}). A record is written in the caller's transaction when there is one, so
 * an action that rolls back leaves no record and a record cannot be lost while its action
 * commits; without a transaction it commits on its own.
 *
 * <p>Who acted comes from the {@link AuditActorSource} (by default Spring Security's
 * SecurityContext), the request id from the logging context the web kit fills
 * ({@code requestId}), the service from {@code spring.application.name}.
 */
public class AuditTrail {

    /** The MDC key under which the web kit's RequestIdFilter keeps the request id. */
    static final String REQUEST_ID_MDC = "requestId";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditActorSource actors;
    private final String service;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, AuditActorSource actors, String service) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.actors = actors;
        this.service = service;
    }

    /**
     * Records {@code entry}, whose before/after snapshots the caller has already masked.
     *
     * @return the record's id
     */
    public long record(AuditEntry entry) {
        AuditActor actor = actors.currentActor().orElse(AuditActor.SYSTEM);
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit.audit_record (occurred_at, actor, actor_roles, action, subject_type, subject_id,
                                                before, after, reason, request_id, service)
                values (:occurredAt, :actor, :roles, :action, :subjectType, :subjectId,
                        cast(:before as jsonb), cast(:after as jsonb), :reason, :requestId, :service)
                """)
                .param("occurredAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actor.name())
                .param("roles", actor.roles().toArray(String[]::new))
                .param("action", entry.action())
                .param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId())
                .param("before", toJson(entry.before(), "before"))
                .param("after", toJson(entry.after(), "after"))
                .param("reason", entry.reason())
                .param("requestId", MDC.get(REQUEST_ID_MDC))
                .param("service", service)
                .update(id, "id");
        return id.getKeyAs(Long.class);
    }

    private String toJson(Object snapshot, String which) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JacksonException e) {
            // Jackson's message names the type and property at fault, not the values.
            throw new IllegalArgumentException("the " + which + " snapshot of an audit entry cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
