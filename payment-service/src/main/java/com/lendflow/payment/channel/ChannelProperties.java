package com.lendflow.payment.channel;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.channel.*}: the payment channel cards are bound through and money is
 * paid out by. Timeouts, retries and the circuit breaker are the resilience4j instances
 * {@code payment-channel} (binding and transfer submission: never retried) and
 * {@code payment-channel-query} (outcome queries: read-only, retried).
 *
 * @param name            the channel's name, as it appears in callback paths and events
 * @param baseUrl         the channel's API (the partner simulator locally)
 * @param callbackSecret  the HMAC-SHA256 secret the channel signs its callbacks with
 * @param callbackBaseUrl this service's address as the channel reaches it; unset means
 *                        {@code http://localhost:<this service's port>}
 * @param singleLimit     the most one transfer through this channel may carry
 * @param dailyLimit      the most this channel may pay out on one business date, all payouts together
 * @param collectionDailyLimit the most this channel may collect on one business date, all collections
 *                        together: channels quota debits apart from payouts, and a day's payouts must
 *                        never stop borrowers from repaying
 * @param connectTimeout  how long to wait for a connection
 * @param readTimeout     when an abandoned call (its time limiter gave up) finally lets go of its thread
 */
@ConfigurationProperties("lendflow.payment.channel")
public record ChannelProperties(
        @DefaultValue("simpay") String name,
        @DefaultValue("http://localhost:8099") URI baseUrl,
        @DefaultValue("sim-channel-callback-secret") String callbackSecret,
        URI callbackBaseUrl,
        @DefaultValue("50000.00") BigDecimal singleLimit,
        @DefaultValue("5000000.00") BigDecimal dailyLimit,
        @DefaultValue("5000000.00") BigDecimal collectionDailyLimit,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    /** The secret stays out of logs and actuator output. */
    @Override
    public String toString() {
        return "ChannelProperties[name=" + name + ", baseUrl=" + baseUrl + ", callbackSecret=***, callbackBaseUrl="
                + callbackBaseUrl + ", singleLimit=" + singleLimit + ", dailyLimit=" + dailyLimit
                + ", collectionDailyLimit=" + collectionDailyLimit + "]";
    }
}
