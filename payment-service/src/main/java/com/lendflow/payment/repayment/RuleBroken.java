package com.lendflow.payment.repayment;

import com.lendflow.platform.web.FieldViolation;
import java.util.List;

/**
 * A well-formed repayment request that breaks a business rule (more than the payoff, a card that is
 * not bound, a limit): answered 422, naming the field and the rule, like a malformed one is 400.
 */
class RuleBroken extends RuntimeException {

    private final FieldViolation violation;

    RuleBroken(String field, String rule, String message) {
        super(field + ": " + message);
        this.violation = new FieldViolation(field, rule, message);
    }

    List<FieldViolation> violations() {
        return List.of(violation);
    }
}
