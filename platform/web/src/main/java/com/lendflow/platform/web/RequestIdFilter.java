package com.lendflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (kept from the gateway's {@code X-Request-Id} when it is a UUID) and
 * a correlation id, puts both in the logging context and echoes them in the response, so a
 * caller quoting a request id leads straight to its log lines and messages.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_MDC = "requestId";
    public static final String CORRELATION_ID_MDC = "correlationId";

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = uuidOrNull(request.getHeader(REQUEST_ID_HEADER));
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        String correlationId = uuidOrNull(request.getHeader(CORRELATION_ID_HEADER));
        if (correlationId == null) {
            correlationId = requestId;
        }
        MDC.put(REQUEST_ID_MDC, requestId);
        MDC.put(CORRELATION_ID_MDC, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
            MDC.remove(CORRELATION_ID_MDC);
        }
    }

    static String uuidOrNull(String value) {
        return value != null && UUID_TEXT.matcher(value).matches() ? value.toLowerCase() : null;
    }
}
