package com.lendflow.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.funding.*}: whose calendar names "today" and when a position warns.
 *
 * @param zone           the calendar of the business day when a command or request names none
 * @param warningPercent the share of a day's plan (reserved + used) at which a partner's position warns, once a day
 */
@ConfigurationProperties("lendflow.funding")
public record FundingSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("90") int warningPercent) {

    public FundingSettings {
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("lendflow.funding.warning-percent must be between 1 and 100, not "
                    + warningPercent);
        }
    }

    /** The business day in the service's own calendar. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }
}
