package com.lendflow.coreledger.quote;

import com.lendflow.platform.security.access.InternalCalls;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a quote needs from the services that own it, with core-ledger's own service token:
 * the credit line from limit-service and the coupon from marketing-service. A coupon that is not
 * the customer's, not usable now, or not for this amount or term is a 422 naming couponId, as the
 * drawdown would refuse it.
 */
@Component
class QuoteSources {

    private final RestClient limit;
    private final RestClient marketing;
    private final Clock clock;
    private final ZoneId couponZone;

    QuoteSources(InternalCalls calls, Clock clock,
                 @Value("${lendflow.core-ledger.services.limit:http://localhost:8082}") String limitUrl,
                 @Value("${lendflow.core-ledger.services.marketing:http://localhost:8086}") String marketingUrl,
                 @Value("${lendflow.core-ledger.coupon-zone:Asia/Shanghai}") ZoneId couponZone) {
        this.limit = calls.to(limitUrl);
        this.marketing = calls.to(marketingUrl);
        this.clock = clock;
        this.couponZone = couponZone;
    }

    /**
     * Today on the calendar coupons are valid by: marketing-service's (lendflow.marketing.zone,
     * Asia/Shanghai), so the quote accepts a coupon exactly when the drawdown's lock would. The JVM's
     * own zone would refuse a coupon valid from today in Shanghai for the eight hours it is still
     * yesterday in UTC.
     */
    static LocalDate couponDay(Clock clock, ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    QuoteTerms terms(UUID customerId, LoanQuoteRequest request) {
        JsonNode line = read(limit, "/internal/v1/credit-lines/{id}", customerId, "limit-service");
        if (line == null) {
            return QuoteTerms.withoutCoupon("NOT_ACTIVATED", BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal rate = line.path("annualRate").isMissingNode() || line.path("annualRate").isNull()
                ? BigDecimal.ZERO : new BigDecimal(line.path("annualRate").asString());
        QuoteTerms terms = QuoteTerms.withoutCoupon(line.path("status").asString(), rate,
                new BigDecimal(line.path("available").asString()));
        if (request.couponId() == null) {
            return terms;
        }
        JsonNode coupon = read(marketing, "/internal/v1/coupons/{id}", request.couponId(), "marketing-service");
        return withCoupon(terms, customerId, request, coupon, couponDay(clock, couponZone));
    }

    static QuoteTerms withCoupon(QuoteTerms terms, UUID customerId, LoanQuoteRequest request, JsonNode coupon,
                                 LocalDate today) {
        if (coupon == null || !customerId.toString().equals(coupon.path("customerId").asString())) {
            throw refused("no coupon " + request.couponId() + " belongs to this customer");
        }
        String state = coupon.path("state").asString();
        if (!"ISSUED".equals(state)) {
            throw refused("the coupon is " + state + " and cannot be used");
        }
        String validUntil = coupon.path("validUntil").asString("");
        if (!validUntil.isBlank() && LocalDate.parse(validUntil.substring(0, 10)).isBefore(today)) {
            throw refused("the coupon expired on " + validUntil);
        }
        String validFrom = coupon.path("validFrom").asString("");
        if (!validFrom.isBlank() && LocalDate.parse(validFrom.substring(0, 10)).isAfter(today)) {
            throw refused("the coupon is valid from " + validFrom);
        }
        String minimum = coupon.path("minimumAmount").asString("");
        if (!minimum.isBlank() && request.amount().compareTo(new BigDecimal(minimum)) < 0) {
            throw refused("the coupon needs an amount of at least " + minimum);
        }
        JsonNode allowedTerms = coupon.path("allowedTerms");
        if (allowedTerms.isArray() && !allowedTerms.isEmpty()
                && allowedTerms.valueStream().noneMatch(term -> term.asInt() == request.termMonths())) {
            throw refused("the coupon is not for a " + request.termMonths() + "-month loan");
        }
        String kind = coupon.path("kind").asString();
        BigDecimal couponRate = coupon.path("discountedRate").isNull() || coupon.path("discountedRate").isMissingNode()
                ? null : new BigDecimal(coupon.path("discountedRate").asString());
        if ("RATE_DISCOUNT".equals(kind) && couponRate != null && couponRate.compareTo(terms.lineRate()) >= 0) {
            // marketing-service refuses to spend it on a loan it makes no cheaper; so does the quote.
            throw refused("the coupon's rate " + couponRate.stripTrailingZeros().toPlainString()
                    + " is not below the credit line's " + terms.lineRate().stripTrailingZeros().toPlainString());
        }
        return new QuoteTerms(terms.lineStatus(), terms.lineRate(), terms.available(), kind, couponRate,
                coupon.path("interestFreeDays").asInt(0));
    }

    private static JsonNode read(RestClient client, String path, UUID id, String service) {
        try {
            return client.get().uri(path, id).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(404))) {
                return null;
            }
            throw unavailable(service, e.getStatusCode() + " " + e.getStatusText());
        } catch (RestClientException e) {
            throw unavailable(service, e.getMessage());
        }
    }

    private static ApiProblem unavailable(String service, String why) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Quote unavailable",
                service + " did not answer (" + why + "); try again shortly");
    }

    private static InvalidRequest refused(String message) {
        return new InvalidRequest(List.of(new FieldViolation("couponId", "usable-coupon", message)));
    }
}
