package com.lendflow.auth.client;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a client-credentials request as Spring Authorization Server does, except that a client
 * asking for no scope gets all of its scopes rather than a token with none: a service calling
 * {@code grant_type=client_credentials} expects a token it can use, and its kind of client is
 * told by its scope. A client that names scopes still gets only those (and invalid_scope for one
 * it does not have).
 */
public final class AllScopesByDefault implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter standard = new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = standard.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken clientCredentials
                && clientCredentials.getScopes().isEmpty()
                && clientCredentials.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    clientCredentials.getAdditionalParameters());
        }
        return converted;
    }
}
