package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway adds: the same quote, at the same time and rate, once through the gateway and once
 * straight to core-ledger-service (which owns it and checks the same token itself). {@code -Dlendflow.load.rate}
 * requests a second each way (default 500), {@code -Dlendflow.load.duration} seconds (default 60), over
 * {@code -Dlendflow.load.customers} prepared customers (default 100). Goal (issue 9): the p99 through the
 * gateway under the direct p99 plus 5 ms.
 */
public class GatewayOverheadSimulation extends Simulation {

    static final int RATE = LoadTarget.intProperty("rate", 500);
    static final int DURATION = LoadTarget.intProperty("duration", 60);
    static final int CUSTOMERS = LoadTarget.intProperty("customers", 100);

    private static List<Preparation.Customer> customers;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ConcurrentLinkedQueue<Long> GATEWAY = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Long> DIRECT = new ConcurrentLinkedQueue<>();

    {
        setUp(way("quote through the gateway", LoadTarget.GATEWAY, GATEWAY)
                        .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))),
                way("quote direct to core-ledger", LoadTarget.CORE_LEDGER, DIRECT)
                        .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(Journeys.protocol())
                .maxDuration(Duration.ofSeconds(DURATION + 30))
                .assertions(global().failedRequests().count().is(0L),
                        details("quote through the gateway").responseTime().percentile(99.0).lt(20));
    }

    private static ScenarioBuilder way(String name, String baseUrl, ConcurrentLinkedQueue<Long> times) {
        return scenario(name)
                .exec(session -> session.set("customerId", customers.get(NEXT.getAndIncrement() % customers.size())
                        .customerId()).set("auth", Tokens.app()))
                .exec(http(name).post(baseUrl + "/api/v1/loan-quotes")
                        .header("Authorization", "#{auth}")
                        .header("X-Customer-Id", "#{customerId}")
                        .body(io.gatling.javaapi.core.CoreDsl.StringBody(session -> Journeys.quoteJson()))
                        .check(io.gatling.javaapi.http.HttpDsl.status().is(200), io.gatling.javaapi.core.CoreDsl.substring("\"installments\""),
                                io.gatling.javaapi.core.CoreDsl.responseTimeInMillis().saveAs("responseTime")))
                .exec(session -> {
                    if (!session.isFailed()) {
                        times.add((long) session.getInt("responseTime"));
                    }
                    return session;
                });
    }

    @Override
    public void before() {
        Tokens.app();
        JourneyLog.print(List.of(JourneyLog.header("gateway overhead", LoadTarget.describe() + ", core-ledger "
                + LoadTarget.CORE_LEDGER)));
        customers = Preparation.customers(CUSTOMERS, false, LoadTarget.intProperty("prepare-parallel", 32));
    }

    @Override
    public void after() {
        long[] gateway = JourneyLog.sorted(List.copyOf(GATEWAY));
        long[] direct = JourneyLog.sorted(List.copyOf(DIRECT));
        long difference = JourneyLog.percentile(gateway, 99) - JourneyLog.percentile(direct, 99);
        // A comparison of the answered few means nothing when the rest timed out or failed.
        boolean complete = gateway.length >= (long) RATE * DURATION && direct.length >= (long) RATE * DURATION;
        JourneyLog.print(List.of(
                String.format(Locale.ROOT, "gateway overhead: the quote at %d/s each way for %d s", RATE, DURATION),
                line("through the gateway", gateway), line("direct to core-ledger", direct),
                String.format(Locale.ROOT, "  p50 difference %d ms, p99 difference %d ms; goal p99 difference < 5 ms %s"
                                + " (every request answered 200 both ways %s)",
                        JourneyLog.percentile(gateway, 50) - JourneyLog.percentile(direct, 50), difference,
                        JourneyLog.passFail(complete && difference < 5), JourneyLog.passFail(complete))));
    }

    private static String line(String way, long[] sorted) {
        return String.format(Locale.ROOT, "  %-22s %6d answered 200; ms p50 %d  p95 %d  p99 %d  max %d", way, sorted.length,
                JourneyLog.percentile(sorted, 50), JourneyLog.percentile(sorted, 95), JourneyLog.percentile(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
    }
}
