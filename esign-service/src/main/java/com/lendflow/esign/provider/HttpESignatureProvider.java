package com.lendflow.esign.provider;

import com.lendflow.esign.document.Sha256;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The e-signature provider over its HTTP API ({@code /sim/v1/esign} in the partner simulator).
 *
 * <p>Two calls, each with its own resilience4j instances: {@code esign-sign} (time limiter,
 * circuit breaker, retry with exponential backoff) and {@code esign-query} (time limiter,
 * circuit breaker; it runs inside the sign retry). Retrying the signing call is safe because the
 * provider is idempotent on the request id, the document id. After a timeout the outcome is
 * unknown: the provider may have signed. The next attempt therefore asks for the outcome first
 * and signs only if the provider has no signature for the request.
 */
@Component
@EnableConfigurationProperties(ProviderProperties.class)
class HttpESignatureProvider implements ESignatureProvider, DisposableBean {

    static final String SIGN = "esign-sign";
    static final String QUERY = "esign-query";
    private static final Logger log = LoggerFactory.getLogger(HttpESignatureProvider.class);

    private final RestClient http;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final TimeLimiter signTimeLimiter;
    private final CircuitBreaker signCircuitBreaker;
    private final Retry signRetry;
    private final TimeLimiter queryTimeLimiter;
    private final CircuitBreaker queryCircuitBreaker;

    HttpESignatureProvider(ProviderProperties properties, TimeLimiterRegistry timeLimiters,
                           CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        // A backstop only: the time limiters decide when we stop waiting; this frees the abandoned call's thread.
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.signTimeLimiter = timeLimiters.timeLimiter(SIGN);
        this.signCircuitBreaker = circuitBreakers.circuitBreaker(SIGN);
        this.signRetry = retries.retry(SIGN);
        this.queryTimeLimiter = timeLimiters.timeLimiter(QUERY);
        this.queryCircuitBreaker = circuitBreakers.circuitBreaker(QUERY);
    }

    @Override
    public ProviderSignature sign(SigningRequest request, boolean mayAlreadyBeSigned) {
        AtomicBoolean outcomeUnknown = new AtomicBoolean(mayAlreadyBeSigned);
        Supplier<ProviderSignature> attempt = () -> {
            if (outcomeUnknown.get()) {
                Optional<ProviderSignature> earlier = query(request.requestId());
                if (earlier.isPresent()) {
                    log.info("provider had signed request {} already; taking that signature", request.requestId());
                    return earlier.get();
                }
                outcomeUnknown.set(false);
            }
            try {
                return guarded(signTimeLimiter, signCircuitBreaker, () -> post(request));
            } catch (ProviderUnavailable e) {
                if (e.outcomeUnknown()) {
                    outcomeUnknown.set(true);
                }
                throw e;
            }
        };
        return Retry.decorateSupplier(signRetry, attempt).get();
    }

    private Optional<ProviderSignature> query(UUID requestId) {
        return guarded(queryTimeLimiter, queryCircuitBreaker, () -> {
            try {
                return Optional.of(toSignature(http.get().uri("/sim/v1/esign/signatures/{requestId}", requestId)
                        .retrieve().body(SignatureResponse.class)));
            } catch (HttpClientErrorException.NotFound never) {
                return Optional.empty();
            }
        });
    }

    private ProviderSignature post(SigningRequest request) {
        SignatureResponse response = http.post().uri("/sim/v1/esign/signatures")
                .body(new SignRequestBody(request.requestId().toString(), request.documentSha256(),
                        Base64.getEncoder().encodeToString(request.document()), request.signerName(),
                        request.signerIdNumber()))
                .retrieve().body(SignatureResponse.class);
        return toSignature(response);
    }

    private static ProviderSignature toSignature(SignatureResponse response) {
        if (response == null || response.signatureId() == null || response.signedDocumentBase64() == null) {
            throw new ProviderUnavailable("the provider answered without a signature", false, null);
        }
        byte[] signed = Base64.getDecoder().decode(response.signedDocumentBase64());
        if (response.signedDocumentSha256() != null
                && !response.signedDocumentSha256().equals(Sha256.of(signed))) {
            throw new ProviderUnavailable("the signed document arrived damaged: its SHA-256 differs from the provider's",
                    false, null);
        }
        return new ProviderSignature(response.signatureId().toString(), signed, response.signedAt());
    }

    /** One call under a time limit and a circuit breaker; failures come out as this adapter's exceptions. */
    private <T> T guarded(TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Supplier<T> call) {
        // Translated inside, so the circuit breaker sees SigningRefused (which it ignores) rather than raw HTTP errors.
        Supplier<T> translated = () -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        };
        try {
            return circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(translated, calls)));
        } catch (CallNotPermittedException e) {
            throw new ProviderCircuitOpen("the e-signature provider's circuit breaker '" + circuitBreaker.getName()
                    + "' is open after too many recent failures", e);
        } catch (TimeoutException e) {
            throw new ProviderUnavailable("the e-signature provider did not answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms", true, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (RuntimeException e) {
            throw translate(e);
        } catch (Exception e) {
            throw new ProviderUnavailable("calling the e-signature provider failed: " + e, false, e);
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return translate(wrapped.getCause());
        }
        if (failure instanceof SigningRefused || failure instanceof ProviderUnavailable) {
            return (RuntimeException) failure;
        }
        if (failure instanceof HttpClientErrorException refused) {
            HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
            return new SigningRefused("the e-signature provider refused to sign: " + refused.getStatusCode().value()
                    + " " + (status == null ? "" : status.getReasonPhrase()) + " " + problemTitle(refused));
        }
        if (failure instanceof HttpServerErrorException failed) {
            return new ProviderUnavailable("the e-signature provider failed: " + failed.getStatusCode().value(), false,
                    failed);
        }
        if (failure instanceof ResourceAccessException io) {
            // The request may have reached the provider before the connection broke.
            return new ProviderUnavailable("the e-signature provider could not be reached: " + io.getMessage(), true, io);
        }
        if (failure instanceof RestClientException other) {
            return new ProviderUnavailable("the e-signature provider's answer was unusable: " + other.getMessage(), false,
                    other);
        }
        return new ProviderUnavailable("calling the e-signature provider failed: " + failure, false, failure);
    }

    private static String problemTitle(HttpClientErrorException refused) {
        String body = refused.getResponseBodyAsString();
        int at = body.indexOf("\"title\":\"");
        if (at < 0) {
            return "";
        }
        int end = body.indexOf('"', at + 9);
        return end < 0 ? "" : "(" + body.substring(at + 9, end) + ")";
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    record SignRequestBody(String requestId, String documentSha256, String documentBase64, String signerName,
                           String signerIdNumber) {

        @Override
        public String toString() {
            return "SignRequestBody[requestId=" + requestId + "]";
        }
    }

    record SignatureResponse(String requestId, UUID signatureId, String signedDocumentBase64,
                             String signedDocumentSha256, Instant signedAt) {
    }
}
