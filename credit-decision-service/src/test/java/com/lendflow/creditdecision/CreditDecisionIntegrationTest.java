package com.lendflow.creditdecision;

import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.simulator.PartnerSimulatorApplication;
import com.lendflow.testsupport.ServiceIntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * credit-decision-service on the shared PostgreSQL and Kafka, talking over HTTP to the real
 * partner simulator's credit bureau, started once per test JVM on a random port. Every test class
 * extends this one, so they all share one Spring context. Timeouts and backoffs are shortened so
 * the failure paths run in seconds; the circuit breaker is kept from opening on the failures the
 * tests cause on purpose. The behaviour is the production configuration's.
 */
@ServiceIntegrationTest(database = "lendflow_credit_decision")
@TestPropertySource(properties = {
        "resilience4j.timelimiter.instances.credit-bureau.timeout-duration=1s",
        "resilience4j.retry.instances.credit-bureau.wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.credit-bureau.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.credit-bureau.sliding-window-size=1000",
        "lendflow.credit-decision.bureau.read-timeout=10s"})
public abstract class CreditDecisionIntegrationTest {

    private static ConfigurableApplicationContext simulator;

    @DynamicPropertySource
    static void bureau(DynamicPropertyRegistry properties) {
        properties.add("lendflow.credit-decision.bureau.base-url", CreditDecisionIntegrationTest::simulatorUrl);
    }

    public static synchronized String simulatorUrl() {
        if (simulator == null) {
            // On its own thread: the test's main-method hook is per thread, and would otherwise take the
            // simulator for the service under test when this runs while the service's context starts.
            ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
            Thread starter = Thread.ofPlatform().name("partner-simulator-start").start(() -> started[0] =
                    ServiceApplication.run(PartnerSimulatorApplication.class, PartnerSimulatorApplication.NAME,
                            "--server.port=0"));
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (started[0] == null) {
                throw new IllegalStateException("the partner simulator did not start; see the log above");
            }
            simulator = started[0];
        }
        return "http://localhost:" + simulator.getEnvironment().getRequiredProperty("local.server.port");
    }
}
