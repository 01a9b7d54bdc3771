package com.lendflow.platform.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.platform.security.testapp.SecurityTestApplication;
import com.lendflow.testsupport.RealInfrastructure;
import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first token a service checks makes it fetch the auth server's signing keys. On a busy
 * machine that fetch is slow: a slow one still succeeds, and one that cannot be had in time
 * answers the caller 503 with Retry-After (the service's fault, worth a retry), not 500. The
 * key server here is real HTTP on localhost that answers after a delay the test sets.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                "lendflow.security.jwks.read-timeout=2s"})
@RealInfrastructure(database = "lendflow_security_test")
class SigningKeysFetchTest {

    private static final AtomicLong DELAY_MS = new AtomicLong();
    private static final HttpServer SLOW_KEYS = slowKeyServer();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + SLOW_KEYS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stop() {
        SLOW_KEYS.stop(0);
    }

    @Test
    void keysThatCannotBeFetchedInTimeAre503WithRetryAfterAndASlowFetchStillSucceeds() throws Exception {
        // Longer than the 2 s read timeout: the caller is told to come back, not that we broke.
        DELAY_MS.set(3_000);
        HttpResponse<String> unavailable = ping(TestTokens.appBackend());
        assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(unavailable.body()).contains("token-check-unavailable", "signing keys");

        // A second slower than Spring's default half-second limit, well inside ours: the call goes through.
        DELAY_MS.set(1_000);
        HttpResponse<String> answered = ping(TestTokens.appBackend());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("pong");

        // A bad token is still the caller's fault.
        HttpResponse<String> forged = ping(TestTokens.forgedAppBackend());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(forged.body()).contains("unauthenticated");
    }

    private HttpResponse<String> ping(String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ping"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer slowKeyServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/jwks", exchange -> {
                byte[] body;
                try {
                    body = CLIENT.send(HttpRequest.newBuilder(URI.create(TestTokens.jwksUri())).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
                    Thread.sleep(DELAY_MS.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException gone) {
                    // The service gave up waiting: that is the case under test.
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
