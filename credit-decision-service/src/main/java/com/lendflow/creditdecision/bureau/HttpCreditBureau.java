package com.lendflow.creditdecision.bureau;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.math.BigDecimal;
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
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The credit bureau over its HTTP API ({@code /sim/v1/bureau} in the partner simulator), under
 * the resilience4j instances {@code credit-bureau}: a time limiter per attempt, a circuit
 * breaker, and retry with exponential backoff. Retrying is safe: a report query changes nothing
 * at the bureau that matters to us (it may count as one more inquiry, as any retry at a real
 * bureau would).
 */
@Component
@EnableConfigurationProperties(BureauProperties.class)
class HttpCreditBureau implements CreditBureau, DisposableBean {

    static final String INSTANCE = "credit-bureau";

    private final RestClient http;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    HttpCreditBureau(BureauProperties properties, TimeLimiterRegistry timeLimiters, CircuitBreakerRegistry circuitBreakers,
                     RetryRegistry retries) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        // A backstop only: the time limiter decides when we stop waiting; this frees the abandoned call's thread.
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.retry = retries.retry(INSTANCE);
    }

    @Override
    public BureauReport report(BureauQuery query) {
        return Retry.decorateSupplier(retry, () -> guarded(() -> post(query))).get();
    }

    private BureauReport post(BureauQuery query) {
        ReportResponse response = http.post().uri("/sim/v1/bureau/reports")
                .body(new ReportRequestBody(query.fullName(), query.idNumber(), query.mobile(),
                        query.authorisationDocumentId().toString(), query.authorisationSha256(), query.queryReason()))
                .retrieve().body(ReportResponse.class);
        return toReport(response);
    }

    private static BureauReport toReport(ReportResponse r) {
        if (r == null || r.reportId() == null || r.worstDaysPastDueLast24Months() == null || r.overdueAccounts() == null
                || r.totalOutstandingDebt() == null || r.inquiriesLast3Months() == null) {
            throw new BureauUnavailable("the credit bureau answered without a complete report", null);
        }
        return new BureauReport(r.reportId(), r.generatedAt(), r.worstDaysPastDueLast24Months(), r.overdueAccounts(),
                r.totalOutstandingDebt().setScale(2, java.math.RoundingMode.HALF_UP),
                r.openAccounts() == null ? 0 : r.openAccounts(), r.inquiriesLast3Months(),
                r.inquiriesLast6Months() == null ? r.inquiriesLast3Months() : r.inquiriesLast6Months());
    }

    /** One attempt under the time limit and the circuit breaker; failures come out as this adapter's exceptions. */
    private <T> T guarded(Supplier<T> call) {
        // Translated inside, so the circuit breaker sees BureauRefused (which it ignores) rather than raw HTTP errors.
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
            throw new BureauCircuitOpen("the credit bureau's circuit breaker '" + INSTANCE
                    + "' is open after too many recent failures; the bureau was not called", e);
        } catch (TimeoutException e) {
            throw new BureauUnavailable("the credit bureau did not answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (RuntimeException e) {
            throw translate(e);
        } catch (Exception e) {
            throw new BureauUnavailable("calling the credit bureau failed: " + e, e);
        }
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
            return translate(wrapped.getCause());
        }
        if (failure instanceof BureauRefused || failure instanceof BureauUnavailable) {
            return (RuntimeException) failure;
        }
        if (failure instanceof HttpClientErrorException refused) {
            return new BureauRefused("the credit bureau refused the query: " + refused.getStatusCode().value());
        }
        if (failure instanceof HttpServerErrorException failed) {
            return new BureauUnavailable("the credit bureau failed: " + failed.getStatusCode().value(), failed);
        }
        if (failure instanceof ResourceAccessException io) {
            return new BureauUnavailable("the credit bureau could not be reached: " + io.getMessage(), io);
        }
        if (failure instanceof RestClientException other) {
            // Includes a body that is not a report (malformed JSON).
            return new BureauUnavailable("the credit bureau's answer was unusable: " + other.getMessage(), other);
        }
        return new BureauUnavailable("calling the credit bureau failed: " + failure, failure);
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    record ReportRequestBody(String name, String idNumber, String mobile, String authorisationReference,
                             String authorisationSha256, String queryReason) {

        @Override
        public String toString() {
            return "ReportRequestBody[authorisationReference=" + authorisationReference + "]";
        }
    }

    record ReportResponse(String reportId, Instant generatedAt, Integer worstDaysPastDueLast24Months,
                          Integer overdueAccounts, BigDecimal totalOutstandingDebt, Integer openAccounts,
                          Integer inquiriesLast3Months, Integer inquiriesLast6Months) {
    }
}
