package com.lendflow.loanorder.drawdown;

import java.util.EnumSet;
import java.util.Set;

/** Where a drawdown stands: each in-flight state names what has been achieved; DISBURSED and FAILED are final. */
public enum DrawdownState {

    CREATED,
    LIMIT_RESERVED,
    COUPON_LOCKED,
    CONTRACT_SIGNED,
    FRAUD_CHECKED,
    APPROVED,
    FUNDED,
    /** The money is on its way: nothing is compensated from here on, only DisbursementFailed fails it. */
    DISBURSING,
    DISBURSED,
    FAILED;

    static final Set<DrawdownState> FINAL = EnumSet.of(DISBURSED, FAILED);

    boolean isFinal() {
        return FINAL.contains(this);
    }

    boolean canTransitionTo(DrawdownState next) {
        if (next == FAILED) {
            return !isFinal();
        }
        return switch (this) {
            case CREATED -> next == LIMIT_RESERVED;
            case LIMIT_RESERVED -> next == COUPON_LOCKED || next == CONTRACT_SIGNED;
            case COUPON_LOCKED -> next == CONTRACT_SIGNED;
            case CONTRACT_SIGNED -> next == FRAUD_CHECKED;
            case FRAUD_CHECKED -> next == APPROVED;
            case APPROVED -> next == FUNDED;
            case FUNDED -> next == DISBURSING;
            case DISBURSING -> next == DISBURSED;
            case DISBURSED, FAILED -> false;
        };
    }
}
