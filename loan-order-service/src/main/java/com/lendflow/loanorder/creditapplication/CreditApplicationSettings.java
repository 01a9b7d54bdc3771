package com.lendflow.loanorder.creditapplication;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.credit-application.*}: who may apply and how patient the saga is.
 *
 * @param minAge             youngest applicant, in whole years on the day of application
 * @param maxAge             oldest applicant, in whole years on the day of application
 * @param stepTimeout        how long a step waits for its reply before its command is sent again
 * @param fraudReviewTimeout how long a manual fraud review may take before antifraud is asked again;
 *                           staff work in hours, not seconds
 * @param maxAttempts        commands sent for one step (the first included) before it fails with STEP_TIMEOUT
 * @param sweepInterval      how often overdue steps are looked for
 * @param sweepBatchSize     overdue applications handled per transaction
 * @param zone               where "today" is: for ages, the authorisation's date and the line's grant date
 */
@ConfigurationProperties("lendflow.credit-application")
record CreditApplicationSettings(
        @DefaultValue("18") int minAge,
        @DefaultValue("55") int maxAge,
        @DefaultValue("30s") Duration stepTimeout,
        @DefaultValue("24h") Duration fraudReviewTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("100") int sweepBatchSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone) implements StepTimeouts {

    CreditApplicationSettings {
        if (minAge < 0 || maxAge < minAge) {
            throw new IllegalArgumentException("lendflow.credit-application: min-age " + minAge + " and max-age " + maxAge
                    + " do not make an age range");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("lendflow.credit-application.max-attempts must be at least 1");
        }
        if (stepTimeout.isNegative() || stepTimeout.isZero() || fraudReviewTimeout.isNegative() || fraudReviewTimeout.isZero()) {
            throw new IllegalArgumentException("lendflow.credit-application timeouts must be positive");
        }
    }

    @Override
    public Duration timeoutOf(Step step) {
        return step == Step.FRAUD_REVIEW ? fraudReviewTimeout : stepTimeout;
    }
}
