package com.lendflow.auth.client;

import com.lendflow.auth.AuthSettings;
import com.lendflow.auth.staff.StaffPasswordGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The clients of lendflow.auth.clients as Spring Authorization Server knows them. */
@Configuration(proxyBeanMethods = false)
class ClientRegistrations {

    @Bean
    RegisteredClientRepository registeredClients(AuthSettings settings) {
        return new InMemoryRegisteredClientRepository(settings.clients().stream()
                .map(client -> registration(client, settings))
                .toList());
    }

    private static RegisteredClient registration(AuthSettings.Client client, AuthSettings settings) {
        RegisteredClient.Builder registration = RegisteredClient.withId(client.id())
                .clientId(client.id())
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .build());
        // Staff sign in only through a staff tool: the app backend or a service never holds a
        // staff member's password, so they cannot use the grant even if they learnt one.
        if (client.kind() == ClientKind.OPS_TOOL) {
            registration.authorizationGrantType(StaffPasswordGrant.TYPE);
        }
        return registration.build();
    }
}
