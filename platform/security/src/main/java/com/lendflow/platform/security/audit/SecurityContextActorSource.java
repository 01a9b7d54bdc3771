package com.lendflow.platform.security.audit;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request as Spring Security authenticated it: the principal's name
 * (a username, or the client id of a machine caller) and its {@code ROLE_} authorities as roles.
 * Other authorities (scopes such as {@code SCOPE_ops}) are not roles and are left out.
 */
final class SecurityContextActorSource implements AuditActorSource {

    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public Optional<AuditActor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null || authentication.getName().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AuditActor(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .distinct()
                .sorted()
                .toList()));
    }
}
