package com.lendflow.loanorder;

import com.lendflow.testsupport.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Plays, over real HTTP on localhost, what loan-order-service asks synchronously of others: the
 * auth server's token endpoint (client credentials), limit-service's credit lines,
 * payment-service's cards, funding-service's route preview, core-ledger's calculator and the
 * SMS gateway. Tests say what each answers, per path; every request is kept for assertions.
 * Registered for every test context of this module (META-INF/spring.factories), so they all
 * still share one.
 */
public final class LendflowHttpServices {

    /** One request as it arrived: method, path and body. */
    public record Call(String method, String path, String body, String authorization) {
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {
    }

    private static HttpServer server;
    private static final Map<String, Function<Call, Answer>> answers = new ConcurrentHashMap<>();
    private static final List<Call> calls = new CopyOnWriteArrayList<>();

    private LendflowHttpServices() {
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                started.createContext("/", LendflowHttpServices::handle);
                started.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
                started.start();
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (exact path) with {@code answer}. */
    public static void answer(String method, String path, Function<Call, Answer> answer) {
        answers.put(method + " " + path, answer);
    }

    public static void answer(String method, String path, int status, String body) {
        answer(method, path, call -> new Answer(status, body));
    }

    public static List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    public static List<Call> callsStartingWith(String method, String pathPrefix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                exchange.getRequestHeaders().getFirst("Authorization"));
        calls.add(call);
        Answer answer;
        if (call.path().equals("/oauth2/token")) {
            answer = new Answer(200, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":900,"scope":"internal"}"""
                    .formatted(TestTokens.service("loan-order-service")));
        } else {
            Function<Call, Answer> answering = answers.get(call.method() + " " + call.path());
            answer = answering == null ? new Answer(404, "{\"title\":\"Not found\"}") : answering.apply(call);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Points every test context at the stand-ins. */
    public static class Customizer implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new Properties();
        }
    }

    private record Properties() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = url();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lendflowHttpServices", Map.of(
                    "spring.security.oauth2.client.provider.lendflow-internal.token-uri", url + "/oauth2/token",
                    "lendflow.drawdown.limit-service-url", url,
                    "lendflow.drawdown.payment-service-url", url,
                    "lendflow.drawdown.funding-service-url", url,
                    "lendflow.drawdown.core-ledger-url", url,
                    "lendflow.drawdown.marketing-service-url", url,
                    "lendflow.loan-order.sms.base-url", url)));
        }
    }
}
