package com.lendflow.marketing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.marketing.*}.
 *
 * @param zone                 the calendar of coupon validity: a coupon is usable through its {@code validUntil} day in this zone
 * @param maxCustomersPerIssue how many customers one ops issuance may target
 */
@ConfigurationProperties("lendflow.marketing")
public record MarketingSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("1000") int maxCustomersPerIssue) {

    /** The customer's calendar day now; validity is a calendar matter, not an accounting one. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
