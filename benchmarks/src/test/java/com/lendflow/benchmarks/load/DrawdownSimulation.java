package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drawdowns (借款) under load: {@code -Dlendflow.load.rate} a second (default 100) for
 * {@code -Dlendflow.load.duration} seconds (default 60), each 100.00 over 3 months to a bound card, polled
 * from the POST until DISBURSED. The customers (line approved, card bound) are prepared before the measured
 * run, {@code -Dlendflow.load.drawdowns-per-customer} drawdowns each (default 3: antifraud refuses a fifth
 * within a day), taken in rounds so one customer's drawdowns are far apart. Goal (issue 9): at least 100
 * completed a second sustained, p99 POST to DISBURSED under 2 s, none failed or stuck.
 * The saga's steps are timed afterwards from loan-order's timeline by {@code DrawdownStepBreakdown}.
 */
public class DrawdownSimulation extends Simulation {

    static final int RATE = LoadTarget.intProperty("rate", 100);
    static final int DURATION = LoadTarget.intProperty("duration", 60);
    static final int PER_CUSTOMER = Math.min(4, LoadTarget.intProperty("drawdowns-per-customer", 3));

    private static List<Preparation.Customer> customers;
    private static final AtomicInteger NEXT = new AtomicInteger();

    {
        setUp(scenario("drawdown")
                .exec(session -> {
                    int n = NEXT.getAndIncrement();
                    Preparation.Customer customer = customers.get(n % customers.size());
                    return session.set("customerId", customer.customerId()).set("cardId", customer.cardId());
                })
                .exec(group("drawdown").on(Journeys.drawdown()))
                .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(Journeys.protocol())
                .maxDuration(Duration.ofSeconds(DURATION).plus(Journeys.DEADLINE).plusSeconds(30))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("drawdown", "submit drawdown").responseTime().percentile(99.0).lt(2000));
    }

    @Override
    public void before() {
        Tokens.app();
        int needed = (RATE * DURATION + PER_CUSTOMER - 1) / PER_CUSTOMER;
        JourneyLog.print(List.of(JourneyLog.header("drawdown", LoadTarget.describe())));
        customers = Preparation.customers(needed, true, LoadTarget.intProperty("prepare-parallel", 32));
        if (customers.size() * PER_CUSTOMER < RATE * DURATION) {
            System.out.printf("only %d customers prepared: some get more than %d drawdowns%n", customers.size(), PER_CUSTOMER);
        }
        // The step breakdown reads the drawdowns submitted from here on.
        try {
            java.nio.file.Files.writeString(JourneyLog.SUMMARY.resolveSibling("drawdowns-since.txt"), Instant.now().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        JourneyLog.report("drawdown", Journeys.DRAWDOWN, RATE, new JourneyLog.Goal(100, 2000));
    }
}
