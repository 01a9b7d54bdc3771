package com.lendflow.platform.security.access;

import org.springframework.web.client.RestClient;

/**
 * HTTP clients for calls to other Lendflow services. Each request carries this service's own
 * client-credentials token (scope {@code internal}), fetched from the auth server and renewed
 * before it expires — never the caller's token, and never sent to outside parties, whose
 * adapters build their own clients.
 */
public final class InternalCalls {

    private final RestClient.Builder builder;

    InternalCalls(RestClient.Builder builder) {
        this.builder = builder;
    }

    /** A client for the service at {@code baseUrl}, for example {@code http://limit-service:8082}. */
    public RestClient to(String baseUrl) {
        return builder.clone().baseUrl(baseUrl).build();
    }
}
