package com.lendflow.collection;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.collection.*}.
 *
 * @param zone       where the borrowers are: quiet hours and "per day" are counted on its clock
 * @param services   the Lendflow services collection reads from (loan-order: borrower contact; core-ledger: statements)
 * @param partners   the SMS and voice providers (the partner simulator locally)
 * @param compliance contact rules the system enforces
 * @param lockTtl    how long an agent's lock on a case lasts unless released or renewed
 * @param worker     the background worker running daily runs and deferred contacts
 */
@ConfigurationProperties("lendflow.collection")
public record CollectionSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Services services,
        @DefaultValue Partners partners,
        @DefaultValue Compliance compliance,
        @DefaultValue("15m") Duration lockTtl,
        @DefaultValue Worker worker) {

    public record Services(
            @DefaultValue("http://localhost:8081") URI loanOrder,
            @DefaultValue("http://localhost:8089") URI coreLedger) {
    }

    public record Partners(
            @DefaultValue("http://localhost:8099") URI smsBaseUrl,
            @DefaultValue("http://localhost:8099") URI voiceBaseUrl,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }

    /**
     * @param dailyContactCap contacts (SMS, robo-calls and agents' calls together) a customer gets per day at most
     * @param quietFrom       no contact from this time ...
     * @param quietUntil      ... until this time the next morning
     */
    public record Compliance(
            @DefaultValue("2") int dailyContactCap,
            @DefaultValue("21:00") LocalTime quietFrom,
            @DefaultValue("08:00") LocalTime quietUntil) {
    }

    /**
     * @param pollInterval how often the worker looks for requested runs and contacts whose quiet hours ended
     * @param batchSize    cases a run reads per transaction
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("200") int batchSize) {
    }
}
