package com.lendflow.payment.customer;

import com.lendflow.platform.security.access.InternalCalls;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks loan-order-service, with this service's own token, {@code GET /internal/v1/customers/{id}}
 * and reads the customer's real {@code name}. The name is compared and dropped, never stored or
 * logged here.
 */
@Component
@EnableConfigurationProperties(CustomerDirectoryProperties.class)
class HttpCustomerNames implements CustomerNames {

    private final RestClient http;

    HttpCustomerNames(InternalCalls internalCalls, CustomerDirectoryProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = internalCalls.to(properties.baseUrl().toString()).mutate().requestFactory(requests).build();
    }

    @Override
    public Optional<String> realNameOf(UUID customerId) {
        try {
            CustomerIdentity identity = http.get().uri("/internal/v1/customers/{id}", customerId)
                    .retrieve().body(CustomerIdentity.class);
            if (identity == null || identity.name() == null || identity.name().isBlank()) {
                throw new CustomerDirectoryUnavailable("loan-order-service answered without the customer's name", null);
            }
            return Optional.of(identity.name());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new CustomerDirectoryUnavailable("loan-order-service refused to say who the customer is: "
                    + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new CustomerDirectoryUnavailable("loan-order-service could not be asked who the customer is: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The name stays out of toString. */
    record CustomerIdentity(UUID id, String name) {
        @Override
        public String toString() {
            return "CustomerIdentity[id=" + id + "]";
        }
    }
}
