package com.lendflow.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.lendflow.gateway.GatewayProblems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token-bucket rate limits (Bucket4j, in this gateway's memory): per client, per customer a
 * client acts for ({@code X-Customer-Id}), and per address for requests without a token. A request
 * over a limit gets 429 with {@code Retry-After} and never reaches a service.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String CUSTOMER_HEADER = "X-Customer-Id";

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> check(exchange, token.getToken().getSubject()))
                .switchIfEmpty(Mono.fromSupplier(() -> check(exchange, null)))
                .flatMap(refusal -> refusal.isZero() ? chain.filter(exchange) : tooMany(exchange, refusal));
    }

    /** Duration.ZERO when allowed; otherwise how long until a request would be. */
    private Duration check(ServerWebExchange exchange, String client) {
        if (client == null) {
            return take("address:" + address(exchange), properties.perAnonymousAddress());
        }
        Duration wait = take("client:" + client, properties.perClient());
        String customer = exchange.getRequest().getHeaders().getFirst(CUSTOMER_HEADER);
        if (wait.isZero() && customer != null && !customer.isBlank()) {
            wait = take("customer:" + client + ":" + customer, properties.perCustomer());
        }
        return wait;
    }

    private Duration take(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "the rate limit for this caller is reached; retry after " + seconds + " s");
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        // After the request id and body cap, before routing.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
