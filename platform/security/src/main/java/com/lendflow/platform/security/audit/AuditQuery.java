package com.lendflow.platform.security.audit;

import java.time.Instant;

/**
 * A search of the audit trail: every filter that is not {@code null} must match; results come
 * newest first, a page at a time.
 *
 * @param actor       who acted
 * @param action      what was done, for example {@code customer.reveal}
 * @param subjectType what kind of thing it was done to
 * @param subjectId   which one (usually with {@code subjectType})
 * @param from        at or after this instant
 * @param to          before this instant
 * @param page        0-based page
 * @param size        records per page, 1 to {@value #MAX_SIZE}
 */
public record AuditQuery(String actor, String action, String subjectType, String subjectId, Instant from,
                         Instant to, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
        if (page < 0) {
            throw new InvalidAuditQueryException("page", "Min", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidAuditQueryException("size", "Range", "must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("to", "after-from", "must be after from");
        }
    }

    /** Everything, newest first, first page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    /** The history of one subject, such as one customer. */
    public static AuditQuery ofSubject(String subjectType, String subjectId) {
        return all().withSubject(subjectType, subjectId);
    }

    public AuditQuery withActor(String actor) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
    }

    public AuditQuery withAction(String action) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
    }

    public AuditQuery withSubject(String subjectType, String subjectId) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
    }

    public AuditQuery page(int page, int size) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
