package com.lendflow.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is above the cap with a 413 problem detail before it
 * is routed anywhere. Chunked bodies without a length are capped again by each service.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

    private final long maxBytes;

    BodySizeLimitFilter(@Value("${lendflow.gateway.max-body-size:1MB}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared <= maxBytes) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Connection", "close");
        return GatewayProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "the request body is larger than the " + maxBytes + " bytes this API accepts");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
