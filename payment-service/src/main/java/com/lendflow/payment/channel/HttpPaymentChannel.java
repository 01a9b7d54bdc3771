package com.lendflow.payment.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The payment channel over its HTTP API ({@code /sim/v1/channel} in the partner simulator).
 * Binding and transfer submission run under the resilience4j instance {@code payment-channel}
 * (a time limiter and a circuit breaker, no retry: a transfer is submitted once, and an answer
 * that does not come is an unknown outcome, to be queried). Outcome queries run under
 * {@code payment-channel-query}, retried, since reading changes nothing at the channel.
 */
@Component
@EnableConfigurationProperties(ChannelProperties.class)
class HttpPaymentChannel implements PaymentChannel, DisposableBean {

    static final String INSTANCE = "payment-channel";
    static final String QUERY_INSTANCE = "payment-channel-query";

    private final ChannelProperties properties;
    private final Environment environment;
    private final RestClient http;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter queryTimeLimiter;
    private final CircuitBreaker queryCircuitBreaker;
    private final Retry queryRetry;

    HttpPaymentChannel(ChannelProperties properties, Environment environment, TimeLimiterRegistry timeLimiters,
                       CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.properties = properties;
        this.environment = environment;
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        // A backstop only: the time limiter decides when we stop waiting; this frees the abandoned call's thread.
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.queryTimeLimiter = timeLimiters.timeLimiter(QUERY_INSTANCE);
        this.queryCircuitBreaker = circuitBreakers.circuitBreaker(QUERY_INSTANCE);
        this.queryRetry = retries.retry(QUERY_INSTANCE);
    }

    @Override
    public String name() {
        return properties.name();
    }

    @Override
    public String startBinding(String requestNo, String cardNumber, String holderName, String reservedMobile) {
        BindingResponse response = guarded(timeLimiter, circuitBreaker, () -> http.post().uri("/sim/v1/channel/bindings")
                .body(new BindingRequest(requestNo, cardNumber, holderName, reservedMobile))
                .retrieve().body(BindingResponse.class));
        if (response == null || response.bindingId() == null) {
            throw new ChannelUnavailable("the channel answered a binding without a binding id", null);
        }
        return response.bindingId();
    }

    @Override
    public Confirmation confirmBinding(String bindingId, String code) {
        try {
            BindingResponse response = guarded(timeLimiter, circuitBreaker, () -> http.post()
                    .uri("/sim/v1/channel/bindings/{id}/confirm", bindingId)
                    .body(new ConfirmRequest(code)).retrieve().body(BindingResponse.class));
            if (response == null || response.agreementNo() == null) {
                throw new ChannelUnavailable("the channel confirmed a binding without an agreement number", null);
            }
            return new Confirmation.Signed(response.agreementNo());
        } catch (ChannelRefused refused) {
            if (refused.getMessage().contains("channel-code-expired")) {
                return new Confirmation.CodeExpired();
            }
            if (refused.getMessage().contains("channel-wrong-code")) {
                return new Confirmation.WrongCode();
            }
            throw refused;
        }
    }

    @Override
    public Submission submit(TransferOrder order) {
        return transfer(order, "PAYOUT", callbackUrl());
    }

    @Override
    public Submission collect(TransferOrder order) {
        return transfer(order, "COLLECTION", collectionCallbackUrl());
    }

    private Submission transfer(TransferOrder order, String direction, URI callbackUrl) {
        try {
            guarded(timeLimiter, circuitBreaker, () -> http.post().uri("/sim/v1/channel/transfers")
                    .body(new TransferRequest(order.requestNo(), order.agreementNo(), order.amount().toPlainString(),
                            order.reference(), callbackUrl.toString(), direction, order.fundingAccount()))
                    .retrieve().toBodilessEntity());
            return new Submission.Accepted();
        } catch (ChannelRefused refused) {
            if (refused.status() == HttpStatus.CONFLICT.value()) {
                // The channel already holds this request number: whatever it did, it did once; ask it.
                return new Submission.Unknown("the channel already holds this request number: " + refused.getMessage());
            }
            return new Submission.Refused(refused.status(), refused.getMessage());
        } catch (NotCalled notCalled) {
            return new Submission.NotSent(notCalled.getMessage());
        } catch (ChannelUnavailable unknown) {
            return new Submission.Unknown(unknown.getMessage());
        }
    }

    @Override
    public TransferStatus query(String requestNo) {
        try {
            StatusResponse response = Retry.decorateSupplier(queryRetry, () -> guarded(queryTimeLimiter,
                    queryCircuitBreaker, () -> http.get().uri("/sim/v1/channel/transfers/{requestNo}", requestNo)
                            .retrieve().body(StatusResponse.class))).get();
            if (response == null || response.status() == null) {
                throw new ChannelUnavailable("the channel answered a query without a status", null);
            }
            TransferStatus.Outcome outcome = switch (response.status()) {
                case "SUCCESS" -> TransferStatus.Outcome.SUCCESS;
                case "FAILED" -> TransferStatus.Outcome.FAILED;
                case "PROCESSING" -> TransferStatus.Outcome.PROCESSING;
                case "RETURNED" -> TransferStatus.Outcome.RETURNED;
                default -> throw new ChannelUnavailable("the channel answered an unknown status " + response.status(), null);
            };
            return new TransferStatus(requestNo, outcome, response.amount() == null ? null : new BigDecimal(response.amount()),
                    response.channelTransactionId(), response.failureCode(),
                    outcome == TransferStatus.Outcome.RETURNED ? response.returnReason() : response.failureReason(),
                    response.completedAt());
        } catch (ChannelRefused refused) {
            if (refused.status() == HttpStatus.NOT_FOUND.value()) {
                return new TransferStatus(requestNo, TransferStatus.Outcome.NOT_FOUND, null, null, null, null, null);
            }
            throw new ChannelUnavailable("the channel refused the query: " + refused.getMessage(), refused);
        } catch (NotCalled notCalled) {
            throw new ChannelUnavailable(notCalled.getMessage(), notCalled);
        }
    }

    @Override
    public URI callbackUrl() {
        return ownUrl("/transfers");
    }

    @Override
    public URI collectionCallbackUrl() {
        return ownUrl("/collections");
    }

    private URI ownUrl(String kind) {
        String base = properties.callbackBaseUrl() != null ? properties.callbackBaseUrl().toString()
                : "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8088"));
        return URI.create(base.replaceAll("/+$", "") + "/callbacks/v1/channels/" + properties.name() + kind);
    }

    /** One attempt under the time limit and the circuit breaker; failures come out as this adapter's exceptions. */
    private <T> T guarded(TimeLimiter limiter, CircuitBreaker breaker, Supplier<T> call) {
        Supplier<T> translated = () -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        };
        try {
            return breaker.executeCallable(() -> limiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(translated, calls)));
        } catch (CallNotPermittedException e) {
            throw new NotCalled("the channel's circuit breaker '" + breaker.getName()
                    + "' is open after too many recent failures; the channel was not called");
        } catch (TimeoutException e) {
            throw new ChannelUnavailable("the channel did not answer within "
                    + limiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (RuntimeException e) {
            throw translate(e);
        } catch (Exception e) {
            throw new ChannelUnavailable("calling the channel failed: " + e, e);
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return translate(wrapped.getCause());
        }
        if (failure instanceof ChannelRefused || failure instanceof ChannelUnavailable || failure instanceof NotCalled) {
            return (RuntimeException) failure;
        }
        if (failure instanceof HttpClientErrorException refused) {
            return new ChannelRefused(refused.getStatusCode().value(), refused.getStatusCode().value() + " "
                    + refused.getResponseBodyAsString());
        }
        if (failure instanceof HttpServerErrorException failed) {
            return new ChannelUnavailable("the channel failed: " + failed.getStatusCode().value(), failed);
        }
        if (failure instanceof ResourceAccessException io) {
            return new ChannelUnavailable("the channel could not be reached: " + io.getMessage(), io);
        }
        if (failure instanceof RestClientException other) {
            return new ChannelUnavailable("the channel's answer was unusable: " + other.getMessage(), other);
        }
        return new ChannelUnavailable("calling the channel failed: " + failure, failure);
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** The circuit breaker kept the call from leaving: certainly not sent. */
    static final class NotCalled extends RuntimeException {
        NotCalled(String message) {
            super(message);
        }
    }

    /** Card data stays out of toString, so nothing logs it whole. */
    record BindingRequest(String requestNo, String cardNumber, String holderName, String mobile) {
        @Override
        public String toString() {
            return "BindingRequest[requestNo=" + requestNo + "]";
        }
    }

    record ConfirmRequest(String code) {
        @Override
        public String toString() {
            return "ConfirmRequest[code=******]";
        }
    }

    record BindingResponse(String bindingId, String status, String agreementNo) {
    }

    /**
     * {@code direction}: PAYOUT (to the card) or COLLECTION (from it, under the agreement);
     * {@code fundingAccount}: the funding partner's account, left out when not known.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferRequest(String requestNo, String agreementNo, String amount, String reference, String callbackUrl,
                           String direction, String fundingAccount) {
    }

    record StatusResponse(String requestNo, String status, String amount, String channelTransactionId,
                          String failureCode, String failureReason, Instant completedAt, String returnReason) {
    }
}
