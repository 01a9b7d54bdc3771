package com.lendflow.platform.security.audit;

import java.util.List;

/**
 * Who acted: a person's username or a client's id, with their roles (without {@code ROLE_}).
 *
 * @param name  username or client id
 * @param roles roles without the {@code ROLE_} prefix, for example {@code OPS_SUPERVISOR}
 */
public record AuditActor(String name, List<String> roles) {

    /** The service acting on its own account: a scheduled job, a message handler. */
    public static final AuditActor SYSTEM = new AuditActor("system", List.of());

    public AuditActor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        roles = List.copyOf(roles);
    }
}
