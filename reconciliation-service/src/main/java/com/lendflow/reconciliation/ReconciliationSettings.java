package com.lendflow.reconciliation;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.reconciliation.*}.
 *
 * @param zone            records of date D are those whose time falls on D on this clock; the schedule runs on it
 * @param schedule        cron (on {@code zone}) that starts the runs of the day before
 * @param retryInterval   how often a late (404) or rejected file is fetched again
 * @param maxWait         how long after the first try a run keeps retrying before it is FAILED
 * @param cutoffTolerance a record this close before midnight with no counterpart is held for the next day's run
 * @param lookbackDays    how many earlier days' unresolved breaks a record of today may close
 * @param gzip            ask every source for its file gzip-compressed
 * @param sources         our exports (payment, core-ledger, loan-order), called with our internal token
 * @param partners        their statements: the channels' and the funding partners'
 */
@ConfigurationProperties("lendflow.reconciliation")
public record ReconciliationSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("0 30 3 * * *") String schedule,
        @DefaultValue("15m") Duration retryInterval,
        @DefaultValue("12h") Duration maxWait,
        @DefaultValue("5m") Duration cutoffTolerance,
        @DefaultValue("7") int lookbackDays,
        @DefaultValue("true") boolean gzip,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("120s") Duration readTimeout,
        @DefaultValue Sources sources,
        @DefaultValue Partners partners,
        @DefaultValue Worker worker) {

    public record Sources(
            @DefaultValue("http://localhost:8088") URI payment,
            @DefaultValue("http://localhost:8089") URI coreLedger,
            @DefaultValue("http://localhost:8081") URI loanOrder) {
    }

    /**
     * @param channels        one CHANNEL reconciliation per channel (payment-service's channel name)
     * @param fundingPartners one FUNDING_PARTNER reconciliation per partner id
     */
    public record Partners(
            @DefaultValue("http://localhost:8099") URI channelBaseUrl,
            @DefaultValue("http://localhost:8099") URI fundingBaseUrl,
            @DefaultValue("simpay") List<String> channels,
            @DefaultValue({"partner-bank-a", "partner-cfc-b", "partner-trust-c"}) List<String> fundingPartners) {
    }

    /**
     * @param pollInterval how often the worker looks for runs to start or retry
     * @param staleAfter   a run RUNNING this long was left by a stopped process and is taken again
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("30m") Duration staleAfter) {
    }
}
