package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quote (试算) through the gateway: {@code -Dlendflow.load.rate} requests a second (default 3,000) for
 * {@code -Dlendflow.load.duration} seconds (default 60), spread over {@code -Dlendflow.load.customers}
 * customers with an approved line (default 300, prepared first: the gateway allows one customer 20 requests
 * a second). Goal (issue 9): at least 3,000 a second, p99 under 20 ms.
 *
 * <p>The app backend is one client: at 3,000 a second the gateway's per-client limit (2,000 a second by
 * default, lendflow.gateway.rate-limit.per-client.requests) refuses a third of them with 429 unless the
 * stack was started with a higher one.
 */
public class QuoteSimulation extends Simulation {

    static final int RATE = LoadTarget.intProperty("rate", 3000);
    static final int DURATION = LoadTarget.intProperty("duration", 60);
    static final int CUSTOMERS = LoadTarget.intProperty("customers", 300);

    private static List<Preparation.Customer> customers;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ConcurrentLinkedQueue<Long> TIMES = new ConcurrentLinkedQueue<>();

    {
        setUp(scenario("quote")
                .exec(session -> session.set("customerId", customers.get(NEXT.getAndIncrement() % customers.size())
                        .customerId()).set("auth", Tokens.app()))
                .exec(Journeys.quote("quote"))
                .exec(session -> {
                    if (!session.isFailed()) {
                        TIMES.add((long) session.getInt("responseTime"));
                    }
                    return session;
                })
                .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(Journeys.protocol())
                .maxDuration(Duration.ofSeconds(DURATION + 30))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("quote").responseTime().percentile(99.0).lt(20),
                        details("quote").requestsPerSec().gte((double) RATE * 0.98));
    }

    @Override
    public void before() {
        Tokens.app();
        JourneyLog.print(List.of(JourneyLog.header("quote", LoadTarget.describe())));
        customers = Preparation.customers(CUSTOMERS, false, LoadTarget.intProperty("prepare-parallel", 32));
    }

    @Override
    public void after() {
        long[] sorted = JourneyLog.sorted(List.copyOf(TIMES));
        long offered = (long) RATE * DURATION;
        double okPerSecond = sorted.length / (double) DURATION;
        boolean rate = okPerSecond >= 3000 && sorted.length >= offered;
        boolean latency = sorted.length > 0 && JourneyLog.percentile(sorted, 99) < 20;
        JourneyLog.print(List.of(
                String.format(Locale.ROOT, "quote: %d offered at %d/s over %d s; %d answered 200 (%.0f/s)", offered, RATE,
                        DURATION, sorted.length, okPerSecond),
                String.format(Locale.ROOT, "  quote response time (ms): p50 %d  p95 %d  p99 %d  max %d",
                        JourneyLog.percentile(sorted, 50), JourneyLog.percentile(sorted, 95),
                        JourneyLog.percentile(sorted, 99), sorted.length == 0 ? -1 : sorted[sorted.length - 1]),
                String.format(Locale.ROOT, "  goal %s: >= 3000/s, all answered 200 %s, p99 < 20 ms %s",
                        JourneyLog.passFail(rate && latency), JourneyLog.passFail(rate), JourneyLog.passFail(latency))));
    }
}
