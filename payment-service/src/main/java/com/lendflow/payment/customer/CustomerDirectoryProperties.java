package com.lendflow.payment.customer;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.customers.*}: where loan-order-service answers who a customer is.
 *
 * @param baseUrl loan-order-service's internal API
 * @param timeout how long a card binding waits for it
 */
@ConfigurationProperties("lendflow.payment.customers")
public record CustomerDirectoryProperties(
        @DefaultValue("http://localhost:8081") URI baseUrl,
        @DefaultValue("3s") Duration timeout) {
}
