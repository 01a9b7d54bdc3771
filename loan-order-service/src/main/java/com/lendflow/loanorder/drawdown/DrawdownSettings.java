package com.lendflow.loanorder.drawdown;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.drawdown.*}: the product's rules for a drawdown, how patient the saga is, and
 * where the services it asks synchronously are.
 *
 * @param productCode      the loan product core-ledger opens the account under
 * @param minAmount        the product's smallest drawdown
 * @param amountStep       drawdowns are whole multiples of this (1.00: whole yuan)
 * @param terms            the terms offered, in months
 * @param stepTimeout      how long a step waits for its reply before its command is sent again
 * @param disburseTimeout  how long the payout waits before Disburse is sent again (payment answers it
 *                         idempotently, querying the channel); the payout never fails on time alone
 * @param maxAttempts      commands sent for one step (the first included) before it fails with STEP_TIMEOUT
 * @param sweepInterval    how often overdue steps are looked for
 * @param sweepBatchSize   overdue drawdowns handled per transaction
 * @param zone             where "today" is: the contract's date, the funding business date, the loan's start
 * @param limitServiceUrl  limit-service, for the available amount before anything is reserved
 * @param paymentServiceUrl payment-service, for the card check before anything is reserved
 * @param fundingServiceUrl funding-service, for the route preview
 * @param coreLedgerUrl    core-ledger-service, for the schedule summary the contract states
 * @param marketingServiceUrl marketing-service, for the coupon check before anything is reserved
 * @param callTimeout      how long a synchronous call to another Lendflow service may take
 */
@ConfigurationProperties("lendflow.drawdown")
record DrawdownSettings(
        @DefaultValue("CASH_LOAN_STANDARD") String productCode,
        @DefaultValue("100.00") BigDecimal minAmount,
        @DefaultValue("1.00") BigDecimal amountStep,
        @DefaultValue({"3", "6", "9", "12", "24"}) List<Integer> terms,
        @DefaultValue("30s") Duration stepTimeout,
        @DefaultValue("60s") Duration disburseTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("100") int sweepBatchSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("http://localhost:8082") URI limitServiceUrl,
        @DefaultValue("http://localhost:8088") URI paymentServiceUrl,
        @DefaultValue("http://localhost:8087") URI fundingServiceUrl,
        @DefaultValue("http://localhost:8089") URI coreLedgerUrl,
        @DefaultValue("http://localhost:8086") URI marketingServiceUrl,
        @DefaultValue("5s") Duration callTimeout) implements DrawdownTimeouts {

    DrawdownSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("lendflow.drawdown.max-attempts must be at least 1");
        }
        if (minAmount.signum() <= 0 || amountStep.signum() <= 0) {
            throw new IllegalArgumentException("lendflow.drawdown.min-amount and amount-step must be positive");
        }
        terms = List.copyOf(terms);
    }

    @Override
    public Duration timeoutOf(DrawdownStep step) {
        return step.waitsIndefinitely() ? disburseTimeout : stepTimeout;
    }
}
