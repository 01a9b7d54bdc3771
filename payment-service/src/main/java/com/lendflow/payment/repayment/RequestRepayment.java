package com.lendflow.payment.repayment;

import com.lendflow.payment.repayment.CollectionDesk.Checked;
import com.lendflow.payment.repayment.LoanAmounts.AmountsDue;
import com.lendflow.payment.repayment.LoanAmounts.LedgerUnavailable;
import com.lendflow.payment.repayment.RepaymentOrder.Collection;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.idempotency.IdempotentRequests;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A customer repays a loan: the request is checked, core-ledger is asked what the loan owes (with
 * no transaction open), and the order is recorded once per Idempotency-Key, then withheld from the
 * card through the channel after the commit. Bad input, someone else's loan, a settled loan or a
 * collection still in flight for the loan is refused and records nothing; the same key again
 * answers the same order without asking anyone.
 */
@Component
class RequestRepayment {

    private static final Logger log = LoggerFactory.getLogger(RequestRepayment.class);
    private static final String AMOUNT = "^[0-9]{1,15}(\\.[0-9]{1,2})?$";

    private final LoanAmounts loans;
    private final CollectionDesk desk;
    private final RepaymentOrders orders;
    private final RepaymentProperties properties;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    RequestRepayment(LoanAmounts loans, CollectionDesk desk, RepaymentOrders orders, RepaymentProperties properties,
                     IdempotentRequests idempotency, Clock clock) {
        this.loans = loans;
        this.desk = desk;
        this.orders = orders;
        this.properties = properties;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    ResponseEntity<?> handle(UUID customerId, UUID loanId, String idempotencyKey, RepaymentRequest request) {
        Valid valid = validate(request);
        Fingerprint fingerprint = new Fingerprint(customerId, loanId, request);
        Optional<RepaymentOrder> earlier = idempotencyKey == null ? Optional.empty()
                : orders.findByCustomerIdAndIdempotencyKey(customerId, idempotencyKey);
        if (earlier.isPresent()) {
            // Answered from the stored response without asking core-ledger again (the loan may be paid off by now).
            return idempotency.execute(idempotencyKey, fingerprint, () -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/repayment-orders/" + earlier.get().id()))
                    .body(RepaymentOrderView.of(earlier.get())));
        }
        return idempotency.execute(idempotencyKey, fingerprint, () -> {
            desk.lockLoan(loanId);
            List<RepaymentOrder> unsettled = orders.unsettledFor(loanId, clock.instant().minus(properties.appliedWait()));
            if (!unsettled.isEmpty()) {
                throw ApiProblem.conflict("repayment-in-progress", "a collection for this loan ("
                        + unsettled.getFirst().mode() + " " + Amounts.text(unsettled.getFirst().amount())
                        + ") is still being processed or applied; try again in a moment");
            }
            // Asked only now, holding the loan with no collection of it unapplied: asked before the lock, the
            // answer could predate a collection that was applied while this request waited, and a payoff
            // priced on it would collect more than the loan owes (seen with 500 repayments at once).
            AmountsDue due = amountsDue(loanId, customerId);
            BigDecimal amount = amountFor(valid, due);
            LocalDate date = desk.today();
            Checked checked = desk.check(customerId, valid.cardId(), amount, date);
            if (checked instanceof Checked.Refused refused) {
                throw refusal(refused.refusal());
            }
            RepaymentOrder order = desk.recordPending(new Collection(loanId, customerId, valid.mode(), amount, null, null,
                    idempotencyKey, due.fundingPartnerId()), ((Checked.Card) checked).card(), date);
            log.info("customer {} repays {} {} of loan {} as {}", customerId, valid.mode(), Amounts.text(amount), loanId,
                    order.requestNo());
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/repayment-orders/" + order.id()))
                    .body(RepaymentOrderView.of(order));
        });
    }

    private AmountsDue amountsDue(UUID loanId, UUID customerId) {
        Optional<AmountsDue> due;
        try {
            due = loans.of(loanId);
        } catch (LedgerUnavailable unavailable) {
            log.warn("cannot ask what loan {} owes: {}", loanId, unavailable.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "ledger-unavailable", "Loan amounts unavailable",
                    "what the loan owes cannot be known now; repeat the request with the same Idempotency-Key shortly");
        }
        if (due.isEmpty() || !due.get().customerId().equals(customerId)) {
            throw ApiProblem.notFound("Loan", loanId);
        }
        if (due.get().settled()) {
            throw ApiProblem.conflict("loan-settled", "loan " + loanId + " is settled: nothing is left to repay");
        }
        return due.get();
    }

    private static BigDecimal amountFor(Valid valid, AmountsDue due) {
        if (valid.mode() == RepaymentMode.PAYOFF && due.payoff() == null) {
            throw new RuleBroken("mode", "prepayment-not-allowed", "this loan's product does not allow paying it off"
                    + " early yet; repay with mode CURRENT_INSTALLMENT or AMOUNT");
        }
        BigDecimal amount = switch (valid.mode()) {
            case CURRENT_INSTALLMENT -> due.currentInstallment();
            case PAYOFF -> due.payoff();
            case AMOUNT -> valid.amount();
            case WITHHOLDING -> throw new IllegalStateException("not a customer's mode");
        };
        if (valid.mode() == RepaymentMode.AMOUNT) {
            refuseMoreThanTheLedgerTakes(amount, due);
        }
        if (amount.signum() <= 0) {
            throw new RuleBroken("mode", "nothing-due", "nothing is due for " + valid.mode() + " on this loan now");
        }
        return amount;
    }

    /**
     * An amount is refused before the card is charged when the ledger would not apply all of it: more
     * than the payoff, or, below the payoff, more than the overdue amounts and this period's installment
     * for a product that does not hold overpayments as credit (core-ledger's {@code largestAmount}).
     * Collected first, such money could only be held for a refund.
     */
    private static void refuseMoreThanTheLedgerTakes(BigDecimal amount, AmountsDue due) {
        if (due.payoff() != null && amount.compareTo(due.payoff()) > 0) {
            throw new RuleBroken("amount", "max-payoff", "must not be more than the loan's payoff amount of "
                    + Amounts.text(due.payoff()) + "; repay with mode PAYOFF to pay the loan off");
        }
        if (amount.compareTo(due.largestAmount()) > 0) {
            throw new RuleBroken("amount", "max-payable-now", "must not be more than "
                    + Amounts.text(due.largestAmount()) + ", what this loan takes now (its overdue amounts and this"
                    + " period's installment)" + (due.payoff() == null ? ""
                            : "; to repay more, pay the loan off with mode PAYOFF (" + Amounts.text(due.payoff()) + ")"));
        }
    }

    private static RuntimeException refusal(CollectionRefusal refusal) {
        return switch (refusal.code()) {
            case CollectionRefusal.NO_CARD -> new RuleBroken("cardId", "bound-card",
                    "must be one of your bound cards: " + refusal.reason());
            case CollectionRefusal.CARD_LIMIT -> new RuleBroken("amount", "card-daily-limit", refusal.reason());
            default -> new RuleBroken("amount", "channel-limit", refusal.reason());
        };
    }

    private static Valid validate(RepaymentRequest request) {
        if (request == null) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "required", "a request body is required")));
        }
        RepaymentMode mode = null;
        List<FieldViolation> violations = new java.util.ArrayList<>();
        if (request.mode() == null || request.mode().isBlank()) {
            violations.add(new FieldViolation("mode", "NotBlank", "must be CURRENT_INSTALLMENT, AMOUNT or PAYOFF"));
        } else {
            try {
                mode = RepaymentMode.valueOf(request.mode().strip());
            } catch (IllegalArgumentException e) {
                mode = null;
            }
            if (mode == null || mode == RepaymentMode.WITHHOLDING) {
                violations.add(new FieldViolation("mode", "one-of", "must be CURRENT_INSTALLMENT, AMOUNT or PAYOFF"));
                mode = null;
            }
        }
        BigDecimal amount = null;
        if (mode == RepaymentMode.AMOUNT) {
            if (request.amount() == null || request.amount().isBlank()) {
                violations.add(new FieldViolation("amount", "NotBlank", "is required for mode AMOUNT"));
            } else if (!request.amount().strip().matches(AMOUNT)) {
                violations.add(new FieldViolation("amount", "Pattern",
                        "must be a positive amount in yuan with at most two decimals"));
            } else {
                amount = new BigDecimal(request.amount().strip()).setScale(2);
                if (amount.compareTo(new BigDecimal("0.01")) < 0) {
                    violations.add(new FieldViolation("amount", "DecimalMin", "must be at least 0.01"));
                }
            }
        } else if (mode != null && request.amount() != null) {
            violations.add(new FieldViolation("amount", "Null", "is only for mode AMOUNT; " + mode + " collects what the loan owes"));
        }
        UUID cardId = null;
        if (request.cardId() != null) {
            try {
                cardId = UUID.fromString(request.cardId().strip());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("cardId", "type", "must be a card id (UUID)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new Valid(mode, amount, cardId);
    }

    private record Valid(RepaymentMode mode, BigDecimal amount, UUID cardId) {
    }

    record Fingerprint(UUID customerId, UUID loanId, RepaymentRequest request) {
    }
}
