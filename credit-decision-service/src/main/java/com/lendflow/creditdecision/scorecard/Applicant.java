package com.lendflow.creditdecision.scorecard;

import java.math.BigDecimal;

/** What the scorecard sees of one application: the bureau summary, the anti-fraud score and the age. No identity. */
public record Applicant(int worstDaysPastDue24m, int overdueAccounts, int inquiries3m, int inquiries6m,
                        BigDecimal totalDebt, int fraudScore, int age) {
}
