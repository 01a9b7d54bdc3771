package com.lendflow.auth;

import com.lendflow.auth.client.AllScopesByDefault;
import com.lendflow.auth.staff.StaffPasswordGrant;
import com.lendflow.auth.staff.StaffPasswordGrantEndpoint;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * What can be reached: the token endpoint (clients authenticate with HTTP basic), the public keys,
 * the metadata document and the health probes. Everything else is refused, including the
 * authorization server's other endpoints (authorize, introspect, revoke, device, PAR): Lendflow
 * uses none of them, and an endpoint that is off cannot be misused.
 */
@Configuration(proxyBeanMethods = false)
class EndpointSecurity {

    static final String METADATA_ENDPOINT = "/.well-known/oauth-authorization-server";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /** Secrets and passwords name their encoding: {noop} for local runs, {bcrypt} for real ones. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoints(HttpSecurity http, AuthorizationServerSettings endpoints,
                                       OAuth2TokenGenerator<Jwt> accessTokenGenerator,
                                       StaffPasswordGrantEndpoint staffPasswordGrant) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        path.matcher(HttpMethod.POST, endpoints.getTokenEndpoint()),
                        path.matcher(HttpMethod.GET, endpoints.getJwkSetEndpoint()),
                        path.matcher(HttpMethod.GET, METADATA_ENDPOINT)))
                .oauth2AuthorizationServer(server -> server
                        .tokenGenerator(accessTokenGenerator)
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new AllScopesByDefault())
                                .accessTokenRequestConverter(staffPasswordGrant.converter())
                                .authenticationProvider(staffPasswordGrant.provider()))
                        .authorizationServerMetadataEndpoint(metadata -> metadata
                                .authorizationServerMetadataCustomizer(EndpointSecurity::describeWhatIsServed)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        // Lets a refusal render as its own status instead of a second refusal of /error.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The metadata lists only the grants and client authentication we accept, and leaves out the
     * endpoints that are closed. (authorization_endpoint stays: the metadata format requires it.)
     */
    private static void describeWhatIsServed(OAuth2AuthorizationServerMetadata.Builder metadata) {
        metadata.grantTypes(grants -> {
                    grants.clear();
                    grants.addAll(List.of(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(),
                            StaffPasswordGrant.TYPE.getValue()));
                })
                .tokenEndpointAuthenticationMethods(methods -> {
                    methods.clear();
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue());
                })
                .claims(claims -> claims.keySet().removeAll(List.of(
                        OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT,
                        OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED,
                        OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT,
                        OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
                        OAuth2AuthorizationServerMetadataClaimNames.CODE_CHALLENGE_METHODS_SUPPORTED,
                        OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS)));
    }
}
