package com.lendflow.auth.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;

/** What a member of staff may do; carried in the staff token's {@code roles} claim by name. */
public enum StaffRole {
    OPS_AGENT,
    OPS_SUPERVISOR,
    RISK_ANALYST,
    FINANCE,
    ADMIN;

    public static List<String> names() {
        return Arrays.stream(values()).map(StaffRole::name).toList();
    }

    /** Exact names only: a typo in a role must stop the server, not quietly grant nothing. */
    public static StaffRole of(String username, String role) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.name().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("staff " + username + " has role '" + role
                        + "'; roles are one of " + names()));
    }

    /** The roles among a signed-in staff member's authorities, leaving out what Spring Security adds. */
    public static List<String> namesIn(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(names()::contains)
                .toList();
    }
}
