package com.lendflow.limit.creditline;

import java.util.Optional;

/**
 * Why a line is frozen, as {@code FreezeCreditLine.code}. Each freeze keeps its own code and the
 * line stays frozen while any holds. {@link #notice} is what the customer may be told: the
 * staff's reason can name a fraud suspicion or a bureau record and is never shown to them.
 */
enum FreezeCode {
    OVERDUE("a repayment is overdue; repay it to borrow again"),
    BUREAU_DELINQUENCY("your credit status is under review; please contact customer service"),
    FRAUD_SIGNAL("your account is under review; please contact customer service"),
    DEBT_RELIEF("borrowing is paused on your account; please contact customer service"),
    OPS("borrowing is paused on your account; please contact customer service"),
    /**
     * Set by limit-service itself: a reversed repayment re-occupied more than the limit. Lifted
     * only by the repayments that bring the line back within its limit, never by staff.
     */
    OVER_OCCUPIED("a repayment was returned by your bank; repay it to borrow again");

    private final String notice;

    FreezeCode(String notice) {
        this.notice = notice;
    }

    String notice() {
        return notice;
    }

    /** What the customer reads on a line frozen for {@code code}. */
    static String noticeFor(String code) {
        return "credit line frozen: " + parse(code).map(FreezeCode::notice)
                .orElse("borrowing is paused on your account; please contact customer service");
    }

    static Optional<FreezeCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (FreezeCode each : values()) {
            if (each.name().equals(code.strip())) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }
}
