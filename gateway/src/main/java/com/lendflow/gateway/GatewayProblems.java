package com.lendflow.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own refusals as RFC 9457 problem details, like every service does. */
public final class GatewayProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayProblems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        String requestId = exchange.getRequest().getHeaders().getFirst(RequestIdFilter.REQUEST_ID);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:lendflow:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("requestId", requestId == null ? "" : requestId);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(buffer));
    }
}
