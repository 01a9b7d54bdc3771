package com.lendflow.gateway;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Stamps every request with an {@code X-Request-Id} (a caller's own is kept when it is a UUID,
 * anything else is replaced) and returns it, so one id follows the request through every
 * service's logs and messages.
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && UUID_TEXT.matcher(given).matches()
                ? given.toLowerCase() : UUID.randomUUID().toString();
        ServerWebExchange stamped = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(REQUEST_ID, requestId)))
                .build();
        stamped.getResponse().beforeCommit(() -> {
            stamped.getResponse().getHeaders().set(REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(stamped);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
