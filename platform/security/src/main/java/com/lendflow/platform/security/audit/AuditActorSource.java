package com.lendflow.platform.security.audit;

import java.util.Optional;

/**
 * Tells {@link AuditTrail} who is acting on the current thread. The default reads Spring
 * Security's SecurityContext when Spring Security is present; a service can declare its own
 * bean instead.
 */
@FunctionalInterface
public interface AuditActorSource {

    /** Nobody known: records name {@link AuditActor#SYSTEM}. */
    AuditActorSource NONE = Optional::empty;

    Optional<AuditActor> currentActor();
}
