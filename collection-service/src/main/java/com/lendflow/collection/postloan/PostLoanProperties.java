package com.lendflow.collection.postloan;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.collection.post-loan.*}: early warnings and post-loan adjustments.
 *
 * @param unfreezeWhenCurrent when every loan of a customer is current or settled again, lift the freeze
 *                            the days-past-due rules put on the line (freezes for bureau or fraud signals stay)
 * @param writeOffDpd         days past due a loan must have reached before a write-off may be requested
 * @param ledger              core-ledger-service, asked how a loan stands when an adjustment is requested
 */
@ConfigurationProperties("lendflow.collection.post-loan")
public record PostLoanProperties(
        @DefaultValue("true") boolean unfreezeWhenCurrent,
        @DefaultValue("180") int writeOffDpd,
        @DefaultValue Ledger ledger) {

    /**
     * @param baseUrl core-ledger-service's internal API (LENDFLOW_COLLECTION_POST_LOAN_LEDGER_BASE_URL)
     * @param timeout how long a request waits for it
     */
    public record Ledger(
            @DefaultValue("http://localhost:8089") URI baseUrl,
            @DefaultValue("3s") Duration timeout) {
    }
}
