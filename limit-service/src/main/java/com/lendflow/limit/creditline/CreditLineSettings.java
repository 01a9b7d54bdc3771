package com.lendflow.limit.creditline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.limit.credit-line.*}: how long a grant lasts and whose calendar decides it.
 *
 * @param validity how long a granted line lasts from the day it was granted (ISO period, 12 months by default)
 * @param zone     the calendar in which a line expires: one past its {@code expires_on} in this zone reads EXPIRED
 */
@ConfigurationProperties("lendflow.limit.credit-line")
public record CreditLineSettings(
        @DefaultValue("P12M") Period validity,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The customer's calendar day now; expiry is a calendar matter, not an accounting one. */
    LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
