package com.lendflow.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's wall clock, set by the tests: quiet hours and daily caps depend on the time of day. */
public final class TestClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    /** Sets the time to {@code local} on the borrowers' clock (Asia/Shanghai). */
    public static void setShanghai(LocalDateTime local) {
        NOW.set(local.atZone(SHANGHAI).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(NOW.get(), zone);
    }

    @Override
    public Instant instant() {
        return NOW.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        Clock clock() {
            return new TestClock();
        }
    }
}
