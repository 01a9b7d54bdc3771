package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The equal installment with (1+r)^n cached per APR and term is the formula as written, digit for
 * digit (value and scale), whether the price point is cached, new, or evicted and computed again.
 */
class InstallmentGrowthCacheTest {

    private static final long SEED = Long.getLong("lendflow.properties.seed", 20261129L);
    private static final String[] BOOK_RATES = {"0.072", "0.0876", "0.108", "0.1299", "0.146", "0.18", "0.180",
            "0.2399", "0.24", "0.240000", "0.09125"};

    @Test
    void cachedInstallmentIsTheUncachedOneOnABookOfAFewPricePoints() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++) {
            ScheduleRequest loan = loan(random, new BigDecimal(BOOK_RATES[random.nextInt(BOOK_RATES.length)]),
                    new int[] {3, 6, 12, 24, 36}[random.nextInt(5)]);
            assertSameDigits(loan);
        }
    }

    @Test
    void cachedInstallmentIsTheUncachedOneOnAnyRateAndTermPastTheCacheSize() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int loans = 3 * ScheduleEngine.GROWTH_CACHE_SIZE;
        for (int i = 0; i < loans; i++) {
            ScheduleRequest loan = loan(random, BigDecimal.valueOf(random.nextLong(0, 240_001), 6), random.nextInt(1, 61));
            assertSameDigits(loan);
            assertSameDigits(loan);
        }
    }

    @Test
    void aRateWithTrailingZerosGivesTheInstallmentOfItsOwnDigits() {
        ScheduleRequest plain = new ScheduleRequest(new BigDecimal("10000.00"), new BigDecimal("0.18"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.of(2026, 1, 31));
        ScheduleRequest padded = new ScheduleRequest(new BigDecimal("10000.00"), new BigDecimal("0.180000"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.of(2026, 1, 31));

        assertSameDigits(plain);
        assertSameDigits(padded);
        assertThat(ScheduleEngine.installment(plain).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("916.80"));
    }

    private static ScheduleRequest loan(SplittableRandom random, BigDecimal rate, int term) {
        BigDecimal principal = BigDecimal.valueOf(random.nextLong(100, 100_000_001), 2);
        LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(0, 3 * 366 + 1));
        return new ScheduleRequest(principal, rate, term, RepaymentMethod.EQUAL_INSTALLMENT, start);
    }

    private static void assertSameDigits(ScheduleRequest loan) {
        assertThat(ScheduleEngine.installment(loan)).as("%s", loan).isEqualTo(ScheduleEngine.installmentUncached(loan));
    }
}
