package com.lendflow.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers made ready before a measured run, outside Gatling's statistics: registered, their credit
 * line APPROVED and, for drawdowns, a card BOUND (the channel's SMS code read back from the partner
 * simulator's outbox). Done through the gateway as the app backend does it, a few dozen at a time.
 */
final class Preparation {

    /** A customer ready to quote or borrow; {@code cardId} is null when no card was bound. */
    record Customer(String customerId, String mobile, String cardId) {
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    // The code is the six digits in the message text (ids and times may hold six digits too).
    private static final Pattern SMS_CODE = Pattern.compile("\"text\":\"[^\"]*?(?<!\\d)(\\d{6})(?!\\d)");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Preparation() {
    }

    /** {@code count} customers with an approved line (and a bound card if asked), {@code parallel} at a time. */
    static List<Customer> customers(int count, boolean withCard, int parallel) {
        long started = System.nanoTime();
        List<Customer> ready = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(parallel);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                slots.acquireUninterruptibly();
                threads.execute(() -> {
                    try {
                        ready.add(prepare(withCard));
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.err.println("preparing a customer failed: " + e.getMessage());
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        System.out.printf(Locale.ROOT, "prepared %d customers with an approved line%s in %.1f s (%d failed)%n", ready.size(),
                withCard ? " and a bound card" : "", (System.nanoTime() - started) / 1e9, failed.get());
        if (ready.isEmpty()) {
            throw new IllegalStateException("no customer could be prepared against " + LoadTarget.describe());
        }
        return new ArrayList<>(ready);
    }

    private static Customer prepare(boolean withCard) {
        Identities.Person person = Identities.next();
        String app = Tokens.app();
        String customerId = id(send(post("/api/v1/customers", Journeys.customerJson(person), app, null, true)), 201);
        String applicationId = id(send(post("/api/v1/credit-applications", Journeys.applicationJson(person), app,
                customerId, true)), 202);
        String state = awaitState("/api/v1/credit-applications/" + applicationId, app, customerId, "APPROVED",
                List.of("REJECTED", "FAILED"));
        if (!"APPROVED".equals(state)) {
            throw new IllegalStateException("credit application ended " + state);
        }
        if (!withCard) {
            return new Customer(customerId, person.mobile(), null);
        }
        String cardId = id(send(post("/api/v1/bank-cards", Journeys.cardJson(person, Identities.cardNumber()), app,
                customerId, true)), 201);
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            pause(100);
            Matcher sms = SMS_CODE.matcher(send(HttpRequest.newBuilder(URI.create(LoadTarget.SIMULATOR
                    + "/sim/v1/sms?mobile=" + person.mobile())).GET()).body());
            code = sms.find() ? sms.group(1) : null;
        }
        if (code == null) {
            throw new IllegalStateException("no SMS code reached the simulator's outbox for card " + cardId);
        }
        HttpResponse<String> bound = send(post("/api/v1/bank-cards/" + cardId + "/confirm", "{\"code\":\"" + code + "\"}",
                app, customerId, false));
        if (bound.statusCode() != 200 || !bound.body().contains("BOUND")) {
            throw new IllegalStateException("card not bound: " + bound.statusCode());
        }
        return new Customer(customerId, person.mobile(), cardId);
    }

    private static String awaitState(String path, String app, String customerId, String wanted, List<String> finals) {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String state = null;
        while (System.nanoTime() < until) {
            pause(200);
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(LoadTarget.GATEWAY + path)).GET()
                    .header("Authorization", app).header("X-Customer-Id", customerId));
            Matcher matcher = STATE.matcher(response.body());
            state = matcher.find() ? matcher.group(1) : null;
            if (wanted.equals(state) || finals.contains(state)) {
                return state;
            }
        }
        return state;
    }

    private static HttpRequest.Builder post(String path, String json, String app, String customerId, boolean idempotent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LoadTarget.GATEWAY + path))
                .header("Authorization", app).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (customerId != null) {
            request.header("X-Customer-Id", customerId);
        }
        if (idempotent) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(HttpResponse<String> response, int status) {
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != status || !id.find()) {
            throw new IllegalStateException(response.uri().getPath() + " answered " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        return id.group(1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
