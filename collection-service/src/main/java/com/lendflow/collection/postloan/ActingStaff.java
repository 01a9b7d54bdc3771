package com.lendflow.collection.postloan;

import com.lendflow.platform.security.audit.AuditActor;
import com.lendflow.platform.security.audit.AuditActorSource;

/** The name under which the person (or the service itself) acting now is recorded on rows they change. */
public final class ActingStaff {

    private ActingStaff() {
    }

    public static String name(AuditActorSource actors) {
        return actors.currentActor().map(AuditActor::name).orElse(AuditActor.SYSTEM.name());
    }
}
