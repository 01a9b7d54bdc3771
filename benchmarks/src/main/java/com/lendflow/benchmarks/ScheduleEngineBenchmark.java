package com.lendflow.benchmarks;

import com.lendflow.coreledger.schedule.InstallmentFormulas;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 12-month equal-installment schedules per second on one core: core-ledger's real
 * {@link ScheduleEngine} (the same call the calculator, quotes and loan opening make), one thread.
 *
 * <p>The mix ({@code rates=book}): 4,096 requests drawn once (fixed seed) from what a consumer-lending
 * book looks like: principals 500.00 to 50,000.00 in whole yuan and some with fen, APRs from 7.2% to
 * 24% (the common price points), start dates on every day of 2026 (month ends included, so due dates
 * fall back). Each invocation computes the next request's schedule.
 *
 * <p>The engine keeps r, (1+r)^n and (1+r)^n − 1 per (APR, term), since raising to the n-th power in
 * DECIMAL128 was most of a schedule. Before and after in one run: {@link #installmentFormulaUncached}
 * is the formula as it was (the engine's {@code installmentUncached}), {@link #installmentFormula} the
 * engine's path now; and {@code rates=unique} gives every request its own APR (six decimals, 4,096 of
 * them, more than the cache keeps), so every call misses: the schedule as it was plus the cache's
 * bookkeeping, the worst case. The setup checks that both paths give the same digits for the mix.
 *
 * <p>Run: see {@link Jmh}; {@code ScheduleEngineBenchmark -wi 3 -w 2s -i 5 -r 2s -f 1 -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScheduleEngineBenchmark {

    private static final int MIX = 4_096;
    private static final String[] RATES = {"0.072", "0.0876", "0.108", "0.1299", "0.146", "0.18", "0.2399", "0.24"};

    /** book: the eight price points above; unique: an APR of its own per request, so the cache never hits. */
    @Param({"book", "unique"})
    public String rates;

    private final ScheduleEngine engine = new ScheduleEngine();
    private ScheduleRequest[] requests;
    private int next;

    @Setup
    public void mix() {
        if (MIX <= InstallmentFormulas.cacheSize()) {
            throw new IllegalStateException("the unique mix must be larger than the engine's cache");
        }
        SplittableRandom random = new SplittableRandom(20261129L);
        requests = new ScheduleRequest[MIX];
        LocalDate january = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < MIX; i++) {
            long yuan = 500 + random.nextLong(49_501);
            BigDecimal principal = i % 4 == 0
                    ? BigDecimal.valueOf(yuan * 100 + random.nextInt(100), 2)
                    : BigDecimal.valueOf(yuan).setScale(2);
            BigDecimal rate = new BigDecimal(RATES[random.nextInt(RATES.length)]);
            if (rates.equals("unique")) {
                rate = BigDecimal.valueOf(72_000 + i * 41L, 6); // 7.2% to 24.0%, all different
            }
            requests[i] = new ScheduleRequest(principal, rate, 12, RepaymentMethod.EQUAL_INSTALLMENT,
                    january.plusDays(random.nextInt(365)));
        }
        for (ScheduleRequest request : requests) {
            if (!InstallmentFormulas.cached(request).equals(InstallmentFormulas.uncached(request))) {
                throw new IllegalStateException("the cached growth changes the installment of " + request);
            }
        }
    }

    @Benchmark
    public Schedule twelveMonthEqualInstallment() {
        ScheduleRequest request = requests[next];
        next = (next + 1) & (MIX - 1);
        return engine.schedule(request);
    }

    /** The engine's exact installment now: (1+r)^n looked up per APR and term. */
    @Benchmark
    public BigDecimal installmentFormula() {
        ScheduleRequest request = requests[next];
        next = (next + 1) & (MIX - 1);
        return InstallmentFormulas.cached(request);
    }

    /** The exact installment as the engine computed it before the cache: (1+r)^n raised every time. */
    @Benchmark
    public BigDecimal installmentFormulaUncached() {
        ScheduleRequest request = requests[next];
        next = (next + 1) & (MIX - 1);
        return InstallmentFormulas.uncached(request);
    }
}
