package com.lendflow.esign;

import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.simulator.PartnerSimulatorApplication;
import com.lendflow.testsupport.ServiceIntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * esign-service on the shared PostgreSQL and Kafka, talking over HTTP to the real partner
 * simulator, started once per test JVM on a random port, and to loan-order-service's customer API
 * played by {@link LoanOrderStub}. Every test class extends this one,
 * so they all share one Spring context. Timeouts and backoffs are shortened so the failure
 * paths run in seconds; the behaviour is the production configuration's.
 */
@ServiceIntegrationTest(database = "lendflow_esign")
@TestPropertySource(properties = {
        "resilience4j.timelimiter.instances.esign-sign.timeout-duration=1s",
        "resilience4j.timelimiter.instances.esign-query.timeout-duration=1s",
        "resilience4j.retry.instances.esign-sign.wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.esign-sign.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.esign-sign.sliding-window-size=1000",
        "lendflow.esign.provider.read-timeout=10s",
        "lendflow.esign.settlement-certificate.interval=100ms",
        "lendflow.esign.settlement-certificate.retry-delay=100ms"})
public abstract class EsignIntegrationTest {

    private static ConfigurableApplicationContext simulator;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("lendflow.esign.provider.base-url", EsignIntegrationTest::simulatorUrl);
        properties.add("lendflow.esign.customers.base-url", LoanOrderStub::url);
        properties.add("spring.security.oauth2.client.provider.lendflow-internal.token-uri",
                () -> LoanOrderStub.url() + "/oauth2/token");
    }

    protected static synchronized String simulatorUrl() {
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
