package com.lendflow.loanorder.drawdown;

import com.lendflow.loanorder.creditapplication.ApprovedApplications;
import com.lendflow.loanorder.creditapplication.ApprovedApplications.Approved;
import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a drawdown in two parts. {@link #check} runs before any transaction: the product's
 * rules, an approved credit application, the card (payment-service) and the available limit
 * (limit-service); a refusal stores and reserves nothing. {@link #accept} then stores the
 * drawdown and its ReserveLimit command in the request's transaction.
 */
@Component
class SubmitDrawdownHandler {

    private final ApprovedApplications approvedApplications;
    private final LendflowServices services;
    private final DrawdownSaga saga;
    private final DrawdownSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    SubmitDrawdownHandler(ApprovedApplications approvedApplications, LendflowServices services, DrawdownSaga saga,
                          DrawdownSettings settings, JsonMapper json, Clock clock) {
        this.approvedApplications = approvedApplications;
        this.services = services;
        this.saga = saga;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Everything that can refuse the drawdown, with no transaction open. */
    SubmitDrawdown check(UUID customerId, String idempotencyKey, DrawdownRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        BigDecimal amount = request.amount();
        if (amount.compareTo(settings.minAmount()) < 0) {
            violations.add(new FieldViolation("amount", "product-minimum", "must be at least "
                    + Amounts.text(settings.minAmount()) + " for " + settings.productCode()));
        }
        if (amount.remainder(settings.amountStep()).signum() != 0) {
            violations.add(new FieldViolation("amount", "product-step", "must be a whole multiple of "
                    + Amounts.text(settings.amountStep()) + " for " + settings.productCode()));
        }
        if (!settings.terms().contains(request.termMonths())) {
            violations.add(new FieldViolation("termMonths", "product-terms", "must be one of " + settings.terms()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        Approved approved = approvedApplications.latestOf(customerId).orElseThrow(() -> new InvalidRequest(List.of(
                new FieldViolation(ActingCustomer.HEADER, "approved-credit-line",
                        "names a customer without an approved credit-line application; activate a credit line first"))));
        LendflowServices.Card card;
        BigDecimal available;
        try {
            card = services.card(request.cardId()).filter(c -> c.customerId().equals(customerId)).orElseThrow(() ->
                    unprocessable("card-not-found", "cardId: no bank card " + request.cardId() + " is bound to this customer"));
            if (!card.bound()) {
                throw unprocessable("card-not-bound", "cardId: the card's withholding agreement is not signed ("
                        + card.status() + "); confirm the card before borrowing to it");
            }
            LendflowServices.Line line = services.line(customerId);
            if (line.frozen()) {
                // limit-service would refuse ReserveLimit with LINE_FROZEN; refused here, nothing is reserved.
                throw unprocessable("credit-line-frozen", "the credit line is frozen; no drawdown can be made until "
                        + "it is unfrozen");
            }
            available = line.available();
            if (request.couponId() != null) {
                checkCoupon(customerId, request, amount);
            }
        } catch (LendflowServices.Unavailable e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Try again shortly",
                    "the drawdown could not be checked just now; nothing was reserved");
        }
        if (amount.compareTo(available) > 0) {
            throw unprocessable("amount-above-available", "amount: " + Amounts.text(amount)
                    + " is more than the " + Amounts.text(available.setScale(2)) + " available on the credit line");
        }
        return new SubmitDrawdown(customerId, idempotencyKey, amount.setScale(2), request.termMonths(), request.method(),
                request.cardId(), card.last4(), request.couponId(),
                request.device() == null ? null : request.device().toContract(), approved);
    }

    /**
     * The coupon must be this customer's, usable today, for this amount and term, and (a rate
     * discount) cheaper than the line: marketing would refuse it at LockCoupon, after the limit is
     * reserved, so it is refused here with nothing reserved.
     */
    private void checkCoupon(UUID customerId, DrawdownRequest request, BigDecimal amount) {
        LendflowServices.Coupon coupon = services.coupon(request.couponId())
                .filter(c -> c.customerId().equals(customerId))
                .orElseThrow(() -> unprocessable("coupon-not-found", "couponId: the customer holds no coupon "
                        + request.couponId()));
        if (!"ISSUED".equals(coupon.state())) {
            throw unprocessable("coupon-not-usable", "couponId: the coupon is " + coupon.state()
                    + " and cannot be used");
        }
        if (coupon.minimumAmount() != null && amount.compareTo(coupon.minimumAmount()) < 0) {
            throw unprocessable("coupon-not-usable", "couponId: the coupon needs an amount of at least "
                    + Amounts.text(coupon.minimumAmount()));
        }
        if (!coupon.allowedTerms().isEmpty() && !coupon.allowedTerms().contains(request.termMonths())) {
            throw unprocessable("coupon-not-usable", "couponId: the coupon is not for a " + request.termMonths()
                    + "-month loan");
        }
        if ("RATE_DISCOUNT".equals(coupon.kind()) && coupon.discountedRate() != null) {
            services.lineRate(customerId).filter(rate -> coupon.discountedRate().compareTo(rate) >= 0)
                    .ifPresent(rate -> {
                        throw unprocessable("coupon-not-usable", "couponId: the coupon's rate "
                                + coupon.discountedRate().stripTrailingZeros().toPlainString()
                                + " is not below the credit line's " + rate.stripTrailingZeros().toPlainString());
                    });
        }
    }

    /** Stores the drawdown and sends ReserveLimit, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public DrawdownView accept(SubmitDrawdown command) {
        Instant now = clock.instant();
        Drawdown drawdown = Drawdown.create(UUID.randomUUID(), command,
                command.device() == null ? null : json.writeValueAsString(command.device()), now, settings);
        saga.follow(drawdown, List.of(Effect.SEND_COMMAND), now);
        return DrawdownView.of(drawdown);
    }

    private static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, slug, "Drawdown refused", detail);
    }
}
