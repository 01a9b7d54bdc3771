package com.lendflow.coreledger.eod;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.BusinessDateChanged;
import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.ApiProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the business day: every active loan in batches ({@link EodBatch}), then the daily balance
 * snapshot, then the business date moves to the next day and BusinessDateChanged is published
 * (through the outbox, in the transaction that moves it). Restartable: a batch commits with its
 * progress, so after a crash or a failure a rerun resumes with the loans not yet processed and
 * nothing is accrued twice. One run at a time across all instances, held by a PostgreSQL session
 * advisory lock that dies with its connection, so a crashed node never blocks the rerun.
 */
@Component
public class EndOfDay {

    private static final Logger log = LoggerFactory.getLogger(EndOfDay.class);
    /** Advisory lock key: "EOD" in ASCII. */
    private static final long LOCK = 0x454F44L;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final EodBatch batch;
    private final EodRuns runs;
    private final BusinessDay businessDay;
    private final Books books;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;

    EndOfDay(DataSource dataSource, TransactionTemplate transactions, EodBatch batch, EodRuns runs,
             BusinessDay businessDay, Books books, Outbox outbox, Clock clock,
             @Value("${lendflow.core-ledger.eod.batch-size:5000}") int batchSize) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.batch = batch;
        this.runs = runs;
        this.businessDay = businessDay;
        this.books = books;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Runs (or resumes) the end of day of the current business date, in the calling thread.
     *
     * @return the finished run
     * @throws ApiProblem 409 when another end of day is running
     */
    public EodRun run() {
        Connection lockHolder = lock();
        return runHolding(lockHolder);
    }

    /**
     * Starts (or resumes) the end of day of the current business date on {@code executor} and
     * returns its date once the run is claimed; a second start meanwhile is a 409.
     */
    public LocalDate start(Executor executor) {
        Connection lockHolder = lock();
        LocalDate day = businessDay.today();
        try {
            executor.execute(() -> {
                try {
                    runHolding(lockHolder);
                } catch (RuntimeException e) {
                    // recorded on the run by runHolding; the caller follows the run, not this thread
                }
            });
        } catch (RuntimeException e) {
            release(lockHolder);
            throw e;
        }
        return day;
    }

    /** Every 24 hours at the configured time, when lendflow.core-ledger.eod.cron is set. */
    @Scheduled(cron = "${lendflow.core-ledger.eod.cron:-}")
    void scheduled() {
        run();
    }

    private Connection lock() {
        try {
            Connection connection = dataSource.getConnection();
            if (!tryLock(connection)) {
                connection.close();
                throw ApiProblem.conflict("eod-running", "an end of day is already running");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the end-of-day lock", e);
        }
    }

    private EodRun runHolding(Connection lockHolder) {
        try {
            LocalDate day = businessDay.today();
            try {
                return close(day);
            } catch (RuntimeException e) {
                String reason = e.getClass().getSimpleName() + ": " + rootMessage(e);
                log.error("end of day {} failed and can be rerun to resume: {}", day, reason, e);
                runs.failed(day, reason);
                throw e;
            }
        } finally {
            release(lockHolder);
        }
    }

    private static void release(Connection lockHolder) {
        try (lockHolder) {
            unlock(lockHolder);
        } catch (SQLException e) {
            log.warn("could not release the end-of-day lock; it goes with the connection", e);
        }
    }

    private EodRun close(LocalDate day) {
        runs.begin(day, clock.instant());
        log.info("end of day {} started", day);
        while (batch.close(day, batchSize) > 0) {
            // each batch commits on its own, with its progress
        }
        runs.countOpenedDuringRun(day);
        runs.phase(day, "SNAPSHOT");
        transactions.executeWithoutResult(status -> {
            // Postings wait from here until the date has moved, so none can land on a closed day.
            LocalDate locked = businessDay.lockForClose();
            if (!locked.equals(day)) {
                throw new IllegalStateException("business date moved to " + locked + " during the end of day of " + day);
            }
            while (batch.close(day, batchSize) > 0) {
                // loans opened on this date after the loop above
            }
            runs.countOpenedDuringRun(day);
            books.snapshot(day);
            runs.finished(day, clock.instant());
            LocalDate next = businessDay.advance(day);
            // In the transaction that moves the date, which happens once per date: announced once.
            outbox.publish(Topics.CORE_LEDGER_BUSINESS_DAY, day.toString(), BusinessDateChanged.TYPE,
                    new BusinessDateChanged(day, next));
        });
        EodRun finished = runs.find(day).orElseThrow();
        log.info("end of day {} finished: {} loans in {} batches; business date is now {}", day,
                finished.loansDone(), finished.batches(), day.plusDays(1));
        return finished;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        // The connection goes back to the pool, and a session lock would stay with it.
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK);
            statement.execute();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
