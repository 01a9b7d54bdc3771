package com.lendflow.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Credit-line activation (授信) under load: new customers arrive at {@code -Dlendflow.load.rate} a second
 * (default 100) for {@code -Dlendflow.load.duration} seconds (default 60); each registers, applies and polls
 * until APPROVED. Goal (issue 9): at least 100 completed a second, p99 under 2 s, none failed.
 */
public class ActivationSimulation extends Simulation {

    static final int RATE = LoadTarget.intProperty("rate", 100);
    static final int DURATION = LoadTarget.intProperty("duration", 60);

    {
        setUp(scenario("credit-line activation")
                .exec(group("activation").on(Journeys.activation()))
                .injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(Journeys.protocol())
                .maxDuration(Duration.ofSeconds(DURATION).plus(Journeys.DEADLINE).plusSeconds(30))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("activation", "register customer").responseTime().percentile(99.0).lt(2000),
                        details("activation", "submit credit application").responseTime().percentile(99.0).lt(2000));
    }

    @Override
    public void before() {
        Tokens.app();
        JourneyLog.print(java.util.List.of(JourneyLog.header("activation", LoadTarget.describe())));
    }

    @Override
    public void after() {
        JourneyLog.report("activation", Journeys.ACTIVATION, RATE, new JourneyLog.Goal(100, 2000));
    }
}
