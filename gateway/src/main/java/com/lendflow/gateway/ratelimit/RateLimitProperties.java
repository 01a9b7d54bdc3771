package com.lendflow.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.gateway.rate-limit.*}: token buckets per calling client, per customer the
 * client acts for, and per address for requests without a token.
 */
@ConfigurationProperties("lendflow.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"2000", "1s"}) Limit perClient,
        @DefaultValue({"20", "1s"}) Limit perCustomer,
        @DefaultValue({"50", "1s"}) Limit perAnonymousAddress) {

    /** {@code requests} per {@code period}, refilled smoothly; a burst of {@code requests} is allowed. */
    public record Limit(long requests, Duration period) {
    }
}
