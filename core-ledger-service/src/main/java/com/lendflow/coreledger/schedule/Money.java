package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The roundings the architecture names, in one place. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    static final MathContext PRECISION = MathContext.DECIMAL128;

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private Money() {
    }

    static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A month's interest: outstanding · APR/12, rounded HALF_UP once, at the end. */
    static BigDecimal monthlyInterest(BigDecimal outstanding, BigDecimal annualRate) {
        return outstanding.multiply(annualRate).divide(MONTHS, 2, RoundingMode.HALF_UP);
    }

    /** Interest on actual days: outstanding · APR/365 · days, rounded HALF_UP once, at the end. */
    static BigDecimal dailyInterest(BigDecimal outstanding, BigDecimal annualRate, long days) {
        return outstanding.multiply(annualRate).multiply(BigDecimal.valueOf(days)).divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal monthlyRate(BigDecimal annualRate) {
        return annualRate.divide(MONTHS, PRECISION);
    }
}
