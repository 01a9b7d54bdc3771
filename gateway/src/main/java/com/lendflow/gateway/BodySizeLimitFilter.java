package com.lendflow.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.REQUEST_ID);
        String body = """
                {"type":"urn:lendflow:problem:body-too-large","title":"Request body too large","status":413,\
                "detail":"the request body is larger than the %d bytes this API accepts","requestId":"%s"}"""
                .formatted(maxBytes, requestId == null ? "" : requestId);
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        exchange.getResponse().getHeaders().set("Connection", "close");
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
