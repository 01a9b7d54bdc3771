package com.lendflow.platform.security.audit;

/**
 * One ops action to put on the record: what was done ({@code customer.reveal},
 * {@code blacklist.change}) to which subject, the state before and after, and why.
 *
 * <p>{@code before} and {@code after} are stored as JSON (any object Jackson can write; a
 * {@code String} is stored as a JSON string). <b>The caller passes them masked</b> ({@code Mask}
 * in the web kit): the audit trail is kept for years and read by many people, and must not become
 * a second, unencrypted copy of personal data. Actor, roles, request id, service and time are
 * filled in by {@link AuditTrail}.
 *
 * @param action      what was done, as {@code <thing>.<verb>}
 * @param subjectType what kind of thing it was done to ({@code customer}, {@code credit-line})
 * @param subjectId   which one
 * @param before      its masked state before, or {@code null}
 * @param after       its masked state after, or {@code null}
 * @param reason      why, as the person gave it (ops tools ask for it on sensitive actions), or {@code null}
 */
public record AuditEntry(String action, String subjectType, String subjectId, Object before, Object after,
                         String reason) {

    public AuditEntry {
        requireText(action, "action");
        requireText(subjectType, "subjectType");
        requireText(subjectId, "subjectId");
    }

    /** An action that changed nothing, such as revealing a customer's full ID number. */
    public static AuditEntry of(String action, String subjectType, String subjectId, String reason) {
        return new AuditEntry(action, subjectType, subjectId, null, null, reason);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + name);
        }
    }
}
