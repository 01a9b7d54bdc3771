package com.lendflow.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
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

    @Test
    void aConnectionDroppedOnTheWayToTheAuthServerIsTriedAgainAndARefusalIsNot() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<String> secret = new AtomicReference<>("secret");
        HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/oauth2/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() <= 2) {
                exchange.close(); // the auth server restarting: the connection ends with no answer
                return;
            }
            boolean known = exchange.getRequestHeaders().getFirst("Authorization") != null
                    && "secret".equals(secret.get());
            byte[] body = (known ? "{\"access_token\":\"fresh\",\"token_type\":\"Bearer\",\"expires_in\":900}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        auth.start();
        try {
            ClientRegistration registration = ClientRegistration.withRegistrationId("lendflow-internal")
                    .clientId("limit-service").clientSecret("secret")
                    .tokenUri("http://127.0.0.1:" + auth.getAddress().getPort() + "/oauth2/token")
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
            var registrations = new InMemoryClientRegistrationRepository(registration);
            var spring = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                    new InMemoryOAuth2AuthorizedClientService(registrations));
            spring.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
            OneTokenFetchAtATime manager = new OneTokenFetchAtATime(spring, List.of(Duration.ofMillis(10),
                    Duration.ofMillis(10)));
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("lendflow-internal")
                    .principal("lendflow-internal").build();

            // Two dropped connections, then the token: the caller never sees the drops.
            assertThat(manager.authorize(request).getAccessToken().getTokenValue()).isEqualTo("fresh");
            assertThat(requests).hasValue(3);

            // The auth server refusing the client is an answer, not a failure on the way: asked once.
            var refusedRegistrations = new InMemoryClientRegistrationRepository(ClientRegistration
                    .withClientRegistration(registration).registrationId("refused").build());
            var refusing = new AuthorizedClientServiceOAuth2AuthorizedClientManager(refusedRegistrations,
                    new InMemoryOAuth2AuthorizedClientService(refusedRegistrations));
            refusing.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
            secret.set("rotated");
            OneTokenFetchAtATime strict = new OneTokenFetchAtATime(refusing, List.of(Duration.ofMillis(10)));
            assertThatThrownBy(() -> strict.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("refused")
                    .principal("lendflow-internal").build()))
                    .isInstanceOf(OAuth2AuthorizationException.class).hasMessageContaining("invalid_client");
            assertThat(requests).hasValue(4);
        } finally {
            auth.stop(0);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
