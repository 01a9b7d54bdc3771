package com.lendflow.creditdecision.scorecard;

import java.math.BigDecimal;

/**
 * What the scorecard can measure about an applicant. What each one reads is code; which bins earn
 * how many points, and which values knock an application out, are data (the scorecard tables).
 */
public enum Characteristic {
    WORST_DAYS_PAST_DUE_24M("worst days past due in the last 24 months"),
    OVERDUE_ACCOUNTS("accounts overdue now"),
    INQUIRIES_3M("credit inquiries in the last 3 months"),
    INQUIRIES_6M("credit inquiries in the last 6 months"),
    TOTAL_DEBT("total outstanding debt (CNY)"),
    FRAUD_SCORE("anti-fraud score"),
    APPLICANT_AGE("applicant's age in years");

    private final String description;

    Characteristic(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Read from the credit report, rather than from the application or anti-fraud. */
    public boolean fromBureau() {
        return switch (this) {
            case WORST_DAYS_PAST_DUE_24M, OVERDUE_ACCOUNTS, INQUIRIES_3M, INQUIRIES_6M, TOTAL_DEBT -> true;
            case FRAUD_SCORE, APPLICANT_AGE -> false;
        };
    }

    BigDecimal of(Applicant applicant) {
        return switch (this) {
            case WORST_DAYS_PAST_DUE_24M -> BigDecimal.valueOf(applicant.worstDaysPastDue24m());
            case OVERDUE_ACCOUNTS -> BigDecimal.valueOf(applicant.overdueAccounts());
            case INQUIRIES_3M -> BigDecimal.valueOf(applicant.inquiries3m());
            case INQUIRIES_6M -> BigDecimal.valueOf(applicant.inquiries6m());
            case TOTAL_DEBT -> applicant.totalDebt();
            case FRAUD_SCORE -> BigDecimal.valueOf(applicant.fraudScore());
            case APPLICANT_AGE -> BigDecimal.valueOf(applicant.age());
        };
    }
}
