package com.lendflow.creditdecision.bureau;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.credit-decision.bureau.*}: where the credit bureau is. Timeout, retries and the
 * circuit breaker are the resilience4j instances named {@code credit-bureau}.
 *
 * @param baseUrl        the bureau's API (the partner simulator locally)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    when an abandoned call (its time limiter gave up) finally lets go of its thread
 */
@ConfigurationProperties("lendflow.credit-decision.bureau")
public record BureauProperties(
        @DefaultValue("http://localhost:8099") URI baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
