package com.lendflow.auth.staff;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A staff sign-in as read from a token request, before the password is checked. */
final class StaffPasswordAuthentication extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String username;
    private final Set<String> requestedScopes;
    private String password;

    StaffPasswordAuthentication(Authentication client, String username, String password, Set<String> requestedScopes) {
        super(StaffPasswordGrant.TYPE, client, Map.of());
        this.username = username;
        this.password = password;
        this.requestedScopes = Set.copyOf(requestedScopes);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    Set<String> requestedScopes() {
        return requestedScopes;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        password = null;
    }
}
