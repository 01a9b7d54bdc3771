package com.lendflow.benchmarks;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 12-month equal-installment schedules per second on one core: core-ledger's real
 * {@link ScheduleEngine} (the same call the calculator, quotes and loan opening make), one thread.
 *
 * <p>The mix: 4,096 requests drawn once (fixed seed) from what a consumer-lending book looks like:
 * principals 500.00 to 50,000.00 in whole yuan and some with fen, APRs from 7.2% to 24% (the common
 * price points), start dates on every day of 2026 (month ends included, so due dates fall back).
 * Each invocation computes the next request's schedule, so nothing is cached between them.
 *
 * <p>Where the time goes: {@link #installmentFormula} is the engine's exact-installment formula alone
 * (a copy of {@code ScheduleEngine.installment}: P·r·(1+r)^n / ((1+r)^n − 1) in DECIMAL128), and
 * {@link #installmentFormulaGrowthCached} the same with (1+r)^n looked up per (APR, term) instead of
 * raised each time, a candidate change: a book has a handful of price points, and the result is
 * identical digit for digit (checked in setup for the whole mix).
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

    private final ScheduleEngine engine = new ScheduleEngine();
    private ScheduleRequest[] requests;
    private int next;
    private final Map<BigDecimal, BigDecimal> growthByRate = new HashMap<>();

    @Setup
    public void mix() {
        SplittableRandom random = new SplittableRandom(20261129L);
        requests = new ScheduleRequest[MIX];
        LocalDate january = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < MIX; i++) {
            long yuan = 500 + random.nextLong(49_501);
            BigDecimal principal = i % 4 == 0
                    ? BigDecimal.valueOf(yuan * 100 + random.nextInt(100), 2)
                    : BigDecimal.valueOf(yuan).setScale(2);
            BigDecimal rate = new BigDecimal(RATES[random.nextInt(RATES.length)]);
            requests[i] = new ScheduleRequest(principal, rate, 12, RepaymentMethod.EQUAL_INSTALLMENT,
                    january.plusDays(random.nextInt(365)));
        }
        for (ScheduleRequest request : requests) {
            if (installment(request).compareTo(installmentGrowthCached(request)) != 0) {
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

    @Benchmark
    public BigDecimal installmentFormula() {
        ScheduleRequest request = requests[next];
        next = (next + 1) & (MIX - 1);
        return installment(request);
    }

    @Benchmark
    public BigDecimal installmentFormulaGrowthCached() {
        ScheduleRequest request = requests[next];
        next = (next + 1) & (MIX - 1);
        return installmentGrowthCached(request);
    }

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    /** ScheduleEngine.installment as it is (package-private there). */
    private static BigDecimal installment(ScheduleRequest request) {
        BigDecimal r = request.annualRate().divide(MONTHS, PRECISION);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(request.termMonths(), PRECISION);
        return request.principal().multiply(r, PRECISION).multiply(growth, PRECISION)
                .divide(growth.subtract(BigDecimal.ONE, PRECISION), PRECISION);
    }

    /** The same, with r and (1+r)^n computed once per APR (every request here is 12 months). */
    private BigDecimal installmentGrowthCached(ScheduleRequest request) {
        BigDecimal r = request.annualRate().divide(MONTHS, PRECISION);
        BigDecimal growth = growthByRate.computeIfAbsent(request.annualRate(),
                rate -> BigDecimal.ONE.add(rate.divide(MONTHS, PRECISION)).pow(request.termMonths(), PRECISION));
        return request.principal().multiply(r, PRECISION).multiply(growth, PRECISION)
                .divide(growth.subtract(BigDecimal.ONE, PRECISION), PRECISION);
    }
}
