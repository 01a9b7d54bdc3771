package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A long run of the journeys mixed, for leaks and drift (heap, connections, outbox and Kafka lag, latency
 * over time in Gatling's report). Visitors arrive at {@code -Dlendflow.load.rate} a second (default 20) for
 * {@code -Dlendflow.load.duration} seconds (default 1,800): 40% apply for a credit line, 40% ask for five
 * quotes (on {@code -Dlendflow.load.customers} customers prepared first, default 50), 20% are new borrowers
 * who apply, bind a card and draw down twice. Every journey is self-contained, so the run can last as long
 * as asked without running out of prepared customers (antifraud allows four drawdowns a customer a day).
 */
public class SoakSimulation extends Simulation {

    static final double RATE = LoadTarget.doubleProperty("rate", 20);
    static final int DURATION = LoadTarget.intProperty("duration", 1800);
    static final int CUSTOMERS = LoadTarget.intProperty("customers", 50);

    private static List<Preparation.Customer> customers;
    private static final AtomicInteger NEXT = new AtomicInteger();

    {
        setUp(scenario("soak: journeys mixed")
                .randomSwitch().on(
                        percent(40.0).then(group("activation").on(Journeys.activation())),
                        percent(40.0).then(group("quotes").on(
                                exec(session -> session.set("customerId", customers.get(NEXT.getAndIncrement()
                                        % customers.size()).customerId()).set("auth", Tokens.app()))
                                        .repeat(5).on(Journeys.quote("quote")))),
                        percent(20.0).then(group("new borrower").on(Journeys.activation()
                                .exitHereIfFailed()
                                .exec(Journeys.bindCard())
                                .exitHereIfFailed()
                                .repeat(2).on(Journeys.drawdown()))))
                .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(Journeys.protocol())
                .maxDuration(Duration.ofSeconds(DURATION).plus(Journeys.DEADLINE.multipliedBy(3)).plusSeconds(60))
                .assertions(global().failedRequests().percent().lt(0.1));
    }

    @Override
    public void before() {
        Tokens.app();
        JourneyLog.print(List.of(JourneyLog.header("soak", LoadTarget.describe() + ", " + RATE + " visitors/s for "
                + DURATION + " s")));
        customers = Preparation.customers(CUSTOMERS, false, LoadTarget.intProperty("prepare-parallel", 32));
    }

    @Override
    public void after() {
        JourneyLog.report("soak", Journeys.ACTIVATION, RATE * 0.6, null);
        JourneyLog.report("soak", Journeys.DRAWDOWN, RATE * 0.2 * 2, null);
    }
}
