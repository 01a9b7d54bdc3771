package com.lendflow.invariants;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lendflow's cross-service invariants, checked on what every service's database and the payment channel hold: no
 * money lost or moved twice. Meant for a drained system; reads are at different instants in different databases,
 * so work still in flight can show as a transient break: {@link #awaitHeld(Duration)} re-checks until all hold.
 * Every query is set-based (a few per invariant; the big sides are merged by id through database cursors), so a
 * pass over hundreds of thousands of orders takes seconds.
 *
 * <p>From a test: {@code Invariants.forLocalStack(offset).awaitHeld(Duration.ofSeconds(60))}, then
 * {@code report.allHeld()}, {@code report.violations()}, {@code report.render()}. From a shell:
 * {@code ./lendflow check} (honours LENDFLOW_PORT_OFFSET).
 */
public final class Invariants {

    public static final String SAGAS_CONCLUDE = "orders-final-or-in-progress";
    public static final String ONE_PAYOUT_PER_ORDER = "one-payout-per-disbursed-order";
    public static final String LINES_MATCH_LOANS = "line-occupied-equals-loans-drawn";
    public static final String FUNDING_MATCHES_PAYOUTS = "funding-position-equals-payouts";
    public static final String COUPONS_MATCH_LOANS = "coupon-redeemed-iff-loan-disbursed";
    public static final String BOOKS_BALANCE = "ledger-entries-and-trial-balance-balanced";
    public static final String LEDGER_MATCHES_PAYMENT = "ledger-equals-payment-transfers";

    /** Every invariant, in the order they are checked and reported. */
    public static final List<String> ALL = List.of(SAGAS_CONCLUDE, ONE_PAYOUT_PER_ORDER, LINES_MATCH_LOANS,
            FUNDING_MATCHES_PAYOUTS, COUPONS_MATCH_LOANS, BOOKS_BALANCE, LEDGER_MATCHES_PAYMENT);

    private static final Duration PAUSE = Duration.ofMillis(500);

    private final Function<String, Connection> databases;
    private final URI simulator;

    private Invariants(Function<String, Connection> databases, URI simulator) {
        this.databases = Objects.requireNonNull(databases);
        this.simulator = Objects.requireNonNull(simulator);
    }

    /** Reads the local stack's databases (postgres on localhost:15432+offset, user postgres) and the simulator (8099+offset). */
    public static Invariants forLocalStack(int portOffset) {
        String postgres = "jdbc:postgresql://localhost:" + (15432 + portOffset) + "/";
        return of(database -> {
            try {
                return DriverManager.getConnection(postgres + database, "postgres", "postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to " + postgres + database + ": " + e.getMessage(), e);
            }
        }, URI.create("http://localhost:" + (8099 + portOffset)));
    }

    /**
     * @param databases a database name (lendflow_loan_order, lendflow_payment, ...) to an open connection, asked once
     *                  per database per pass; the checker closes it. One with auto-commit on is read in a read-only
     *                  repeatable-read transaction; one already inside a transaction is read as that transaction sees
     *                  it (and only closed).
     * @param simulator the partner simulator's base URL
     */
    public static Invariants of(Function<String, Connection> databases, URI simulator) {
        return new Invariants(databases, simulator);
    }

    /** One pass over every invariant. An invariant that cannot be read (a database down) is reported broken, saying why. */
    public Report check() {
        List<Result> results = new ArrayList<>();
        try (Pass pass = new Pass(databases, simulator)) {
            results.add(run(pass, SAGAS_CONCLUDE, () -> SagasConclude.check(pass)));
            results.add(run(pass, ONE_PAYOUT_PER_ORDER, () -> OnePayoutPerOrder.check(pass)));
            results.add(run(pass, LINES_MATCH_LOANS, () -> LinesMatchLoans.check(pass)));
            results.add(run(pass, FUNDING_MATCHES_PAYOUTS, () -> FundingMatchesPayouts.check(pass)));
            results.add(run(pass, COUPONS_MATCH_LOANS, () -> CouponsMatchLoans.check(pass)));
            results.add(run(pass, BOOKS_BALANCE, () -> BooksBalance.check(pass)));
            results.add(run(pass, LEDGER_MATCHES_PAYMENT, () -> LedgerMatchesPayment.check(pass)));
        }
        return new Report(results);
    }

    /** Checks again, a short pause apart, until every invariant holds or {@code atMost} has passed; the last report. */
    public Report awaitHeld(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Report report = check();
            if (report.allHeld() || System.nanoTime() + PAUSE.toNanos() > deadline) {
                return report;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
    }

    private interface Check {
        Result run() throws Exception;
    }

    private static Result run(Pass pass, String invariant, Check check) {
        try {
            return check.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(invariant, false, List.of(), "could not be checked: interrupted");
        } catch (Exception e) {
            pass.recover();
            return new Result(invariant, false, List.of(), "could not be checked: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    /**
     * {@code ./lendflow check}: checks the local stack at LENDFLOW_PORT_OFFSET (or {@code --offset N}) once, or with
     * {@code --await SECONDS} until all hold; prints every invariant and exits 1 when any is broken.
     */
    public static void main(String[] args) {
        int offset = Integer.parseInt(System.getenv().getOrDefault("LENDFLOW_PORT_OFFSET", "0"));
        long await = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--offset" -> offset = Integer.parseInt(args[++i]);
                case "--await" -> await = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: Invariants [--offset N] [--await SECONDS]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        Invariants invariants = forLocalStack(offset);
        Report report = await > 0 ? invariants.awaitHeld(Duration.ofSeconds(await)) : invariants.check();
        System.out.printf("Lendflow invariants (postgres localhost:%d, simulator localhost:%d)%n", 15432 + offset,
                8099 + offset);
        System.out.print(report.render());
        System.out.printf("checked in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(report.allHeld() ? 0 : 1);
    }
}
