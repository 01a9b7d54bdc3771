package com.lendflow.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

class OneTokenFetchAtATimeTest {

    static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("lendflow-internal")
            .clientId("limit-service").clientSecret("secret").tokenUri("http://localhost:9000/oauth2/token")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void fiftyCallsArrivingTogetherBeforeAnyTokenIsCachedFetchOneToken() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<OAuth2AuthorizedClient> cached = new AtomicReference<>();
        // As Spring's manager behaves: a caller who finds nothing cached fetches (slowly) and caches.
        OAuth2AuthorizedClientManager spring = request -> {
            if (cached.get() == null) {
                fetches.incrementAndGet();
                sleep(50);
                cached.set(new OAuth2AuthorizedClient(REGISTRATION, "lendflow-internal", new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER, "token", Instant.now(), Instant.now().plusSeconds(900))));
            }
            return cached.get();
        };
        OneTokenFetchAtATime manager = new OneTokenFetchAtATime(spring);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<OAuth2AuthorizedClient>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("lendflow-internal")
                            .principal("lendflow-internal").build());
                }));
            }
            start.countDown();
            for (Future<OAuth2AuthorizedClient> call : calls) {
                assertThat(call.get().getAccessToken().getTokenValue()).isEqualTo("token");
            }
        }
        assertThat(fetches).hasValue(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
