package com.lendflow.esign.provider;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.esign.provider.*}: where the e-signature provider is. Timeouts, retries and
 * the circuit breaker are resilience4j instances ({@code resilience4j.*.instances.esign-sign}
 * and {@code esign-query}).
 *
 * @param baseUrl        the provider's API (the partner simulator locally)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    when an abandoned call (its time limiter gave up) finally lets go of its thread
 */
@ConfigurationProperties("lendflow.esign.provider")
public record ProviderProperties(
        @DefaultValue("http://localhost:8099") URI baseUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
