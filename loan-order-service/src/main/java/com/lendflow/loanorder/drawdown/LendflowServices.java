package com.lendflow.loanorder.drawdown;

import com.lendflow.loanorder.creditapplication.Rates;
import com.lendflow.platform.security.access.InternalCalls;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The other Lendflow services a drawdown asks synchronously, with this service's own
 * client-credentials token ({@link InternalCalls}): limit-service (available amount),
 * payment-service (the card), funding-service (the route preview) and core-ledger-service (the
 * schedule, from the same calculator it books with). Never called inside a database transaction.
 * Answers are read leniently as JSON trees: only the fields named here are relied on.
 */
@Component
class LendflowServices {

    private final RestClient limit;
    private final RestClient payment;
    private final RestClient funding;
    private final RestClient coreLedger;
    private final RestClient marketing;

    LendflowServices(InternalCalls calls, DrawdownSettings settings) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.callTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.callTimeout());
        this.limit = calls.to(settings.limitServiceUrl().toString()).mutate().requestFactory(requests).build();
        this.payment = calls.to(settings.paymentServiceUrl().toString()).mutate().requestFactory(requests).build();
        this.funding = calls.to(settings.fundingServiceUrl().toString()).mutate().requestFactory(requests).build();
        this.coreLedger = calls.to(settings.coreLedgerUrl().toString()).mutate().requestFactory(requests).build();
        this.marketing = calls.to(settings.marketingServiceUrl().toString()).mutate().requestFactory(requests).build();
    }

    /** The customer's line as limit-service shows it now; without a line, nothing is available. */
    Line line(UUID customerId) {
        Optional<JsonNode> line = get(limit, "limit-service", "/internal/v1/credit-lines/{id}", customerId);
        return line.map(node -> new Line(node.path("status").asString(""),
                        new BigDecimal(text(node, "available", "limit-service"))))
                .orElse(new Line("NONE", BigDecimal.ZERO));
    }

    /** The line's annual rate, or empty when limit-service does not say (no line, or none granted). */
    Optional<BigDecimal> lineRate(UUID customerId) {
        return get(limit, "limit-service", "/internal/v1/credit-lines/{id}", customerId)
                .map(node -> node.path("annualRate"))
                .filter(rate -> !rate.isMissingNode() && !rate.isNull())
                .map(rate -> new BigDecimal(rate.asString()));
    }

    /** The coupon as marketing-service knows it (its state already read as of today); empty when unknown. */
    Optional<Coupon> coupon(UUID couponId) {
        return get(marketing, "marketing-service", "/internal/v1/coupons/{id}", couponId).map(node -> new Coupon(
                UUID.fromString(text(node, "customerId", "marketing-service")), text(node, "state", "marketing-service"),
                node.path("kind").asString(""),
                node.path("discountedRate").isNull() || node.path("discountedRate").isMissingNode() ? null
                        : new BigDecimal(node.path("discountedRate").asString()),
                node.path("minimumAmount").isNull() || node.path("minimumAmount").isMissingNode() ? null
                        : new BigDecimal(node.path("minimumAmount").asString()),
                node.path("allowedTerms").valueStream().map(JsonNode::asInt).toList()));
    }

    /** The card as payment-service knows it; empty when it knows no such card. */
    Optional<Card> card(UUID cardId) {
        return get(payment, "payment-service", "/internal/v1/bank-cards/{id}", cardId).map(node -> new Card(
                UUID.fromString(text(node, "customerId", "payment-service")),
                node.path("bound").isBoolean() ? (node.path("bound").asBoolean() ? "BOUND" : firstOf(node, "state", "status"))
                        : firstOf(node, "state", "status"),
                firstOf(node, "last4", "lastFour", "cardLast4")));
    }

    /** The funding partner a loan of this grade, amount and term would go to. */
    Route route(String grade, BigDecimal amount, int termMonths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grade", grade);
        body.put("amount", Amounts.text(amount));
        body.put("termMonths", termMonths);
        JsonNode node = post(funding, "funding-service", "/internal/v1/funding/routes", body);
        return new Route(text(node, "partnerId", "funding-service"), text(node, "partnerName", "funding-service"));
    }

    /**
     * The schedule core-ledger would book for this loan starting on {@code startDate}, with its first
     * {@code interestFreeDays} free of interest (core-ledger applies the same rule when it opens the loan).
     */
    Schedule schedule(BigDecimal principal, BigDecimal annualRate, int termMonths, String method, LocalDate startDate,
                      int interestFreeDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interestFreeDays", interestFreeDays);
        body.put("principal", Amounts.text(principal));
        body.put("annualRate", Rates.text(annualRate));
        body.put("termMonths", termMonths);
        body.put("method", method);
        body.put("startDate", startDate.toString());
        JsonNode node = post(coreLedger, "core-ledger-service", "/api/v1/loan-calculator", body);
        List<JsonNode> installments = node.path("installments").valueStream().toList();
        if (installments.isEmpty()) {
            throw new Unavailable("core-ledger-service answered a schedule without installments");
        }
        return new Schedule(new BigDecimal(text(node, "totalInterest", "core-ledger-service")),
                new BigDecimal(text(installments.getFirst(), "total", "core-ledger-service")),
                LocalDate.parse(text(installments.getFirst(), "dueDate", "core-ledger-service")),
                LocalDate.parse(text(installments.getLast(), "dueDate", "core-ledger-service")));
    }

    private static Optional<JsonNode> get(RestClient client, String service, String path, UUID id) {
        try {
            return Optional.ofNullable(client.get().uri(path, id).retrieve().body(JsonNode.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (HttpClientErrorException e) {
            throw new Unavailable(service + " refused " + path + ": " + e.getStatusCode().value());
        } catch (RestClientException e) {
            throw new Unavailable(service + " could not be asked: " + e.getMessage());
        }
    }

    private static JsonNode post(RestClient client, String service, String path, Object body) {
        try {
            JsonNode node = client.post().uri(path).body(body).retrieve().body(JsonNode.class);
            if (node == null) {
                throw new Unavailable(service + " answered " + path + " with nothing");
            }
            return node;
        } catch (HttpClientErrorException e) {
            throw new Refused(service + " refused " + path + " with " + e.getStatusCode().value() + ": "
                    + e.getResponseBodyAsString());
        } catch (RestClientException e) {
            throw new Unavailable(service + " could not be asked: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String service) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asString("").isBlank()) {
            throw new Unavailable(service + " answered without " + field);
        }
        return value.asString();
    }

    private static String firstOf(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isString()) {
                return node.path(field).asString();
            }
        }
        return null;
    }

    /** A coupon's owner, state and the loans it is for; a RATE_DISCOUNT carries the rate it gives. */
    record Coupon(UUID customerId, String state, String kind, BigDecimal discountedRate, BigDecimal minimumAmount,
                  List<Integer> allowedTerms) {
    }

    /** {@code status}: limit-service's CreditLineStatus (ACTIVE, FROZEN, ...), NONE without a line. */
    record Line(String status, BigDecimal available) {

        boolean frozen() {
            return "FROZEN".equals(status);
        }
    }

    record Card(UUID customerId, String status, String last4) {

        /** A card is usable once its withholding agreement is signed. */
        boolean bound() {
            return "BOUND".equals(status) || "ACTIVE".equals(status);
        }
    }

    record Route(String partnerId, String partnerName) {
    }

    record Schedule(BigDecimal totalInterest, BigDecimal firstInstallment, LocalDate firstDueDate, LocalDate lastDueDate) {
    }

    /** The service said no (a 4xx): asking again gives the same answer. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The service could not be reached or answered nonsense: worth asking again later. */
    static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
