package com.lendflow.coreledger.schedule;

import java.math.BigDecimal;

/**
 * The schedule engine's two installment paths, for ScheduleEngineBenchmark only: the engine's own
 * (with (1+r)^n cached per APR and term) and the formula as it was before the cache. Both are
 * package-private in core-ledger-service; this class lives in the same package on the benchmarks'
 * classpath so the benchmark measures the engine's code, not a copy of it.
 */
public final class InstallmentFormulas {

    private InstallmentFormulas() {
    }

    public static BigDecimal cached(ScheduleRequest request) {
        return ScheduleEngine.installment(request);
    }

    public static BigDecimal uncached(ScheduleRequest request) {
        return ScheduleEngine.installmentUncached(request);
    }

    public static int cacheSize() {
        return ScheduleEngine.GROWTH_CACHE_SIZE;
    }
}
