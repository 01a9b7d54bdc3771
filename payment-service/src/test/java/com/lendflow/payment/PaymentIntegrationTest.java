package com.lendflow.payment;

import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.simulator.PartnerSimulatorApplication;
import com.lendflow.testsupport.ServiceIntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * payment-service on the shared PostgreSQL and Kafka, talking over HTTP to the real partner
 * simulator's payment channel and SMS gateway (started once per test JVM on a random port) and to
 * stand-ins for loan-order-service's internal customer API and core-ledger's amounts due. Every test class extends this one,
 * so they share one Spring context. Waits and query intervals are shortened so the unknown-outcome
 * paths run in seconds, and the circuit breakers are kept from opening on failures caused on
 * purpose; the behaviour is the production configuration's.
 */
@ServiceIntegrationTest(database = "lendflow_payment")
@TestPropertySource(properties = {
        "lendflow.payment.disbursement.poll-interval=200ms",
        "lendflow.payment.disbursement.callback-wait=1s",
        "lendflow.payment.disbursement.query-interval=300ms",
        "lendflow.payment.disbursement.max-query-interval=1s",
        "lendflow.payment.disbursement.card-daily-limit=80000.00",
        "lendflow.payment.channel.single-limit=50000.00",
        "lendflow.payment.channel.daily-limit=100000000.00",
        "lendflow.payment.channel.collection-daily-limit=100000000.00",
        "lendflow.payment.repayment.poll-interval=200ms",
        "lendflow.payment.repayment.callback-wait=1s",
        "lendflow.payment.repayment.query-interval=300ms",
        "lendflow.payment.repayment.max-query-interval=1s",
        "lendflow.payment.withholding.same-day-retry-delay=300ms",
        "lendflow.payment.withholding.ledger-retry=300ms",
        "resilience4j.timelimiter.instances.payment-channel.timeout-duration=2s",
        "resilience4j.circuitbreaker.instances.payment-channel.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.payment-channel.sliding-window-size=1000",
        "resilience4j.circuitbreaker.instances.payment-channel-query.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.payment-channel-query.sliding-window-size=1000"})
public abstract class PaymentIntegrationTest {

    private static ConfigurableApplicationContext simulator;

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry properties) {
        properties.add("lendflow.payment.channel.base-url", PaymentIntegrationTest::simulatorUrl);
        properties.add("lendflow.payment.customers.base-url", LoanOrderStub::url);
        properties.add("lendflow.payment.ledger.base-url", LedgerStub::url);
        properties.add("spring.security.oauth2.client.provider.lendflow-internal.token-uri",
                () -> LoanOrderStub.url() + "/oauth2/token");
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
