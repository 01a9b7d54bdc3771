package com.lendflow.payment.repayment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.ledger.*}: where core-ledger-service answers what a loan owes.
 *
 * @param baseUrl core-ledger-service's internal API
 * @param timeout how long a repayment waits for it
 */
@ConfigurationProperties("lendflow.payment.ledger")
public record LedgerProperties(
        @DefaultValue("http://localhost:8089") URI baseUrl,
        @DefaultValue("3s") Duration timeout) {
}
