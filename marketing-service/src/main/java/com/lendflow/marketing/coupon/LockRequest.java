package com.lendflow.marketing.coupon;

import com.lendflow.contracts.marketing.LockCoupon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A LockCoupon command, checked: a customer, a coupon, an amount in whole fen, a term, and the
 * line's rate when one is given (only a rate-discount coupon needs it).
 */
record LockRequest(UUID drawdownId, UUID customerId, UUID couponId, BigDecimal amount, int termMonths,
                   BigDecimal lineRate) {

    /** @throws LockRefused INVALID_COMMAND naming the first fault */
    static LockRequest of(LockCoupon command) {
        if (command.customerId() == null) {
            throw invalid("the command names no customer");
        }
        if (command.couponId() == null) {
            throw invalid("the command names no coupon");
        }
        BigDecimal amount = decimal(command.amount(), "amount");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw invalid("amount must be positive and whole fen, was " + shown(command.amount()));
        }
        if (command.termMonths() <= 0) {
            throw invalid("termMonths must be positive, was " + command.termMonths());
        }
        BigDecimal rate = null;
        if (command.annualRate() != null && !command.annualRate().isBlank()) {
            rate = decimal(command.annualRate(), "annualRate");
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0 || rate.stripTrailingZeros().scale() > 6) {
                throw invalid("annualRate must be a positive annual rate below 1 with at most six decimals, was "
                        + shown(command.annualRate()));
            }
        }
        return new LockRequest(command.drawdownId(), command.customerId(), command.couponId(),
                amount.setScale(2, RoundingMode.UNNECESSARY), command.termMonths(), rate);
    }

    private static BigDecimal decimal(String text, String what) {
        if (text == null || text.isBlank()) {
            throw invalid(what + " is missing");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(what + " is not a decimal number, was '" + shown(text) + "'");
        }
    }

    private static LockRefused invalid(String reason) {
        return new LockRefused(LockRefusal.INVALID_COMMAND, reason);
    }

    /** The offending value as a reason may quote it: a command is not trusted to be short. */
    private static String shown(String text) {
        String value = text.strip();
        return value.length() <= 32 ? value : value.substring(0, 32) + "...";
    }
}
