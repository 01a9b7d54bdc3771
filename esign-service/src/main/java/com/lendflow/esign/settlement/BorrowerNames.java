package com.lendflow.esign.settlement;

import com.lendflow.platform.security.access.InternalCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks loan-order-service, with this service's own token, {@code GET /internal/v1/customers/{id}}
 * for the borrower's real name to print on the certificate. The name is printed and dropped:
 * never stored in the clear, never logged.
 */
@Component
class BorrowerNames {

    private final RestClient http;

    BorrowerNames(InternalCalls calls,
                  @Value("${lendflow.esign.customers.base-url:http://localhost:8081}") URI baseUrl,
                  @Value("${lendflow.esign.customers.timeout:5s}") Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = calls.to(baseUrl.toString()).mutate().requestFactory(requests).build();
    }

    /** @return empty when loan-order-service knows no such customer; @throws Unavailable when it cannot say */
    Optional<String> of(UUID customerId) {
        try {
            RealName answer = http.get().uri("/internal/v1/customers/{id}", customerId).retrieve().body(RealName.class);
            if (answer == null || answer.name() == null || answer.name().isBlank()) {
                throw new Unavailable("loan-order-service answered without the customer's name");
            }
            return Optional.of(answer.name().strip());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new Unavailable("loan-order-service refused to name the customer: " + e.getStatusCode().value());
        } catch (RestClientException e) {
            throw new Unavailable("loan-order-service could not be asked for the customer's name: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    static class Unavailable extends RuntimeException {

        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The name stays out of toString. */
    record RealName(UUID id, String name) {

        @Override
        public String toString() {
            return "RealName[id=" + id + "]";
        }
    }
}
