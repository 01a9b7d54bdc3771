package com.lendflow.auth.staff;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Signs a member of staff in and issues their access token: checks that the client is a staff
 * tool, checks the password against the staff directory, then has the token generator sign a
 * token whose subject is the staff member (the claims are added by the token customizer).
 */
final class StaffPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffPasswordAuthenticationProvider.class);

    private final AuthenticationProvider staffDirectory;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

    StaffPasswordAuthenticationProvider(AuthenticationProvider staffDirectory,
                                        OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
        this.staffDirectory = staffDirectory;
        this.tokenGenerator = tokenGenerator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        StaffPasswordAuthentication signIn = (StaffPasswordAuthentication) authentication;
        OAuth2ClientAuthenticationToken client = authenticatedClient(signIn);
        RegisteredClient tool = client.getRegisteredClient();
        if (!tool.getAuthorizationGrantTypes().contains(StaffPasswordGrant.TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "client " + tool.getClientId() + " cannot sign staff in");
        }
        Set<String> scopes = scopes(signIn, tool);
        Authentication staff = checkPassword(signIn, tool);

        OAuth2Token token = tokenGenerator.generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(tool)
                .principal(staff)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(StaffPasswordGrant.TYPE)
                .authorizationGrant(signIn)
                .build());
        if (token == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "the access token could not be generated");
        }
        log.info("Staff member {} signed in through {}", staff.getName(), tool.getClientId());
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                token.getTokenValue(), token.getIssuedAt(), token.getExpiresAt(), scopes);
        return new OAuth2AccessTokenAuthenticationToken(tool, client, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return StaffPasswordAuthentication.class.isAssignableFrom(authentication);
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(StaffPasswordAuthentication signIn) {
        if (signIn.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    private static Set<String> scopes(StaffPasswordAuthentication signIn, RegisteredClient tool) {
        if (signIn.requestedScopes().isEmpty()) {
            return new LinkedHashSet<>(tool.getScopes());
        }
        if (!tool.getScopes().containsAll(signIn.requestedScopes())) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, null);
        }
        return new LinkedHashSet<>(signIn.requestedScopes());
    }

    private Authentication checkPassword(StaffPasswordAuthentication signIn, RegisteredClient tool) {
        try {
            return staffDirectory.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(signIn.username(), signIn.password()));
        } catch (AuthenticationException refused) {
            // The same answer for an unknown user and a wrong password, so the endpoint does not
            // tell an attacker which usernames exist. The log names the user, never the password.
            log.info("Staff sign-in refused for {} through {}: {}", signIn.username(), tool.getClientId(),
                    refused.getClass().getSimpleName());
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "wrong username or password");
        } finally {
            signIn.eraseCredentials();
        }
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
