package com.lendflow.funding;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data: funding partners of their own, each funding a term no other test's partner funds
 * (and none of the launch partners' 3 to 24 months), so tests sharing the database cannot steal
 * each other's routes; and business days of their own, so positions start empty.
 */
public final class Partners {

    private static final AtomicInteger TERMS = new AtomicInteger(100 + (int) (System.nanoTime() % 50));
    private static final AtomicInteger DAYS = new AtomicInteger((int) (System.nanoTime() % 1000));

    private Partners() {
    }

    /** A term in months no other partner funds. */
    public static int uniqueTerm() {
        return TERMS.incrementAndGet();
    }

    /** A business day far ahead that no other test touches. */
    public static LocalDate freshDay() {
        return LocalDate.of(2040, 1, 1).plusDays(DAYS.incrementAndGet() * 3L);
    }

    public static String newId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** The body of a PUT that adds (version null) or replaces a partner. */
    public static String body(String name, boolean active, int priority, String rate, String grades, String min,
                              String max, String terms, String dailyPlan, Long version) {
        return """
                {"name":"%s","active":%s,"priority":%d,"fundingRate":"%s","grades":[%s],"minAmount":"%s",
                 "maxAmount":"%s","termMonths":[%s],"dailyPlan":"%s",%s"reason":"signed the 2026 funding agreement"}"""
                .formatted(name, active, priority, rate, grades, min, max, terms, dailyPlan,
                        version == null ? "" : "\"version\":" + version + ",");
    }

    /** An active partner for grades A and B, any amount up to 50,000 yuan, over {@code term} months. */
    public static String forTerm(int priority, int term, String dailyPlan) {
        return body("测试银行", true, priority, "0.060000", "\"A\",\"B\"", "0.01", "50000.00", String.valueOf(term),
                dailyPlan, null);
    }
}
