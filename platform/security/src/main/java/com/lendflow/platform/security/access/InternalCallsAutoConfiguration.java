package com.lendflow.platform.security.access;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * {@link InternalCalls} for every service: Spring Security's OAuth2 client fetches the service's
 * token by client credentials (registration {@code lendflow-internal}) and caches it until it
 * nears expiry. The token belongs to the service, not to whoever triggered the call, so the same
 * cached token serves request threads and Kafka listener threads alike, and only one of them fetches
 * it ({@link OneTokenFetchAtATime}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"})
@ConditionalOnClass({OAuth2ClientHttpRequestInterceptor.class, RestClient.class})
@ConditionalOnBean({ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class})
public class InternalCallsAutoConfiguration {

    static final String REGISTRATION = "lendflow-internal";

    @Bean
    InternalCalls internalCalls(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(new OneTokenFetchAtATime(manager));
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        AnonymousAuthenticationToken service = new AnonymousAuthenticationToken("lendflow-internal", "this-service",
                AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
        interceptor.setPrincipalResolver(request -> service);
        return new InternalCalls(RestClient.builder().requestInterceptor(interceptor));
    }
}
