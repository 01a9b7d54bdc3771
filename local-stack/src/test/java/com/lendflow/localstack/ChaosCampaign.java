package com.lendflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * The long fault campaign, by command, on a fresh stack of its own ({@code ./lendflow chaos
 * [borrowers] [seed|random] [faults] [concurrency] [minutes]}): each borrower is five journeys or so (registration,
 * credit application, two drawdowns, a repayment). Prints the counts, writes them to
 * {@code local-stack/target/chaos-summary.txt}, and exits 1 if any invariant broke.
 */
public final class ChaosCampaign {

    private ChaosCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int borrowers = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long seed = args.length > 1 && !"random".equals(args[1]) ? Long.parseLong(args[1]) : new Random().nextLong();
        int faults = args.length > 2 && Integer.parseInt(args[2]) > 0 ? Integer.parseInt(args[2]) : Math.max(7, borrowers / 2);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 24;
        Duration atMost = Duration.ofMinutes(args.length > 4 ? Integer.parseInt(args[4]) : 60);
        // 12000: every port of the stack (services 20080-20099, PostgreSQL 27432, Kafka 31092) stays below
        // Linux's ephemeral range (32768 and up), where the stack's own outgoing connections could take one
        // first; the test suite's 10000 is below it too, and the two do not overlap.
        System.setProperty("lendflow.test.stack-offset", System.getProperty("lendflow.test.stack-offset",
                System.getenv().getOrDefault("LENDFLOW_PORT_OFFSET", "12000")));
        // End of day in small batches (5,000 by default), so that a stop lands mid-run rather than after a
        // book of a few hundred loans has closed in one batch; -D on the command line overrides it.
        System.setProperty("lendflow.core-ledger.eod.batch-size",
                System.getProperty("lendflow.core-ledger.eod.batch-size", "20"));
        int status = 1;
        try {
            long begin = System.nanoTime();
            LocalStack stack = SharedStack.get();
            Campaign.say("stack up in %d s".formatted(Duration.ofNanos(System.nanoTime() - begin).toSeconds()));
            Campaign campaign = new Campaign(stack, new Campaign.Settings(borrowers, concurrency, faults, seed,
                    Duration.ofSeconds(4), Math.max(1, faults / 25), atMost));
            Duration took = campaign.run();
            Campaign.Verdict verdict = campaign.verify(Duration.ofMinutes(3));
            String summary = campaign.summary(verdict, took) + "machine: %d cores, load average %s%n".formatted(
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
            Campaign.say(summary);
            // exec:java runs from the directory Maven was started in: the repository root or local-stack.
            Path target = Files.isDirectory(Path.of("local-stack")) ? Path.of("local-stack", "target") : Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("chaos-summary.txt"), summary);
            status = verdict.violations().isEmpty() && campaign.problems().isEmpty() ? 0 : 1;
            if (!verdict.violations().isEmpty()) {
                // The databases tell how it happened: keep them (SharedStack deletes them otherwise).
                System.setProperty("lendflow.test.keep-stack-data", "true");
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(status);
    }
}
