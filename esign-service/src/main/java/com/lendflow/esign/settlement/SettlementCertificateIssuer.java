package com.lendflow.esign.settlement;

import com.lendflow.esign.document.DocumentArchive;
import com.lendflow.esign.document.DocumentKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues requested settlement certificates, one attempt per claim and no transaction open during
 * the remote call: ask loan-order-service for the borrower's name, render the PDF, then in one
 * transaction archive it (ISSUED, with its SHA-256; once per loan) and mark the request issued.
 * A failed attempt is tried again after {@code retry-delay} × attempts (at most {@code max-delay}),
 * with its reason on the request, for as long as it takes: a settled loan always gets its certificate.
 *
 * <p>Not signed by the e-signature provider: the provider signs for a natural person with their
 * identity, and this is Lendflow's own statement; a company seal by silent signing can come later
 * as a new template version and the SIGNED path.
 */
@Component
class SettlementCertificateIssuer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SettlementCertificateIssuer.class);

    private final CertificateRequests requests;
    private final BorrowerNames names;
    private final SettlementCertificateRenderer renderer;
    private final DocumentArchive archive;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration interval;
    private final Duration retryDelay;
    private final Duration maxDelay;
    private final Duration lease;
    private volatile ScheduledExecutorService scheduler;

    SettlementCertificateIssuer(CertificateRequests requests, BorrowerNames names, SettlementCertificateRenderer renderer,
                                DocumentArchive archive, TransactionTemplate transactions, Clock clock,
                                @Value("${lendflow.esign.settlement-certificate.zone:Asia/Shanghai}") ZoneId zone,
                                @Value("${lendflow.esign.settlement-certificate.interval:5s}") Duration interval,
                                @Value("${lendflow.esign.settlement-certificate.retry-delay:30s}") Duration retryDelay,
                                @Value("${lendflow.esign.settlement-certificate.max-delay:1h}") Duration maxDelay,
                                @Value("${lendflow.esign.settlement-certificate.lease:2m}") Duration lease) {
        this.requests = requests;
        this.names = names;
        this.renderer = renderer;
        this.archive = archive;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.interval = interval;
        this.retryDelay = retryDelay;
        this.maxDelay = maxDelay;
        this.lease = lease;
    }

    /** Issues what is due now; returns how many requests were attempted. */
    int issueDue() {
        Instant now = clock.instant();
        List<CertificateRequests.Claimed> due = requests.claimDue(now, now.plus(lease), 20);
        due.forEach(this::issue);
        return due.size();
    }

    private void issue(CertificateRequests.Claimed claimed) {
        SettledLoan loan = claimed.loan();
        try {
            Optional<String> name = names.of(loan.customerId());
            if (name.isEmpty()) {
                retry(claimed, "loan-order-service knows no customer " + loan.customerId());
                return;
            }
            byte[] pdf = renderer.render(loan, name.get(), LocalDate.ofInstant(clock.instant(), zone));
            transactions.executeWithoutResult(status -> {
                var issued = archive.recordIssued(DocumentKind.SETTLEMENT_CERTIFICATE, loan.loanId(), loan.customerId(),
                        renderer.templateVersion(), pdf);
                var document = issued.or(() -> archive.find(DocumentKind.SETTLEMENT_CERTIFICATE, loan.loanId()))
                        .orElseThrow();
                requests.issued(loan.loanId(), document.id(), clock.instant());
                issued.ifPresent(d -> log.info("loan {}: settlement certificate issued as document {} (sha256 {})",
                        loan.loanId(), d.id(), d.renderedSha256()));
            });
        } catch (RuntimeException e) {
            retry(claimed, e.getMessage());
        }
    }

    private void retry(CertificateRequests.Claimed claimed, String reason) {
        Duration delay = retryDelay.multipliedBy(claimed.attempts());
        Instant next = clock.instant().plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        log.warn("loan {}: settlement certificate not issued (attempt {}), trying again at {}: {}",
                claimed.loan().loanId(), claimed.attempts(), next, reason);
        requests.retryAt(claimed.loan().loanId(), next, "attempt " + claimed.attempts() + ": " + reason);
    }

    /** Looks for due requests now rather than at the next interval. */
    void wake() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            try {
                running.execute(this::issueQuietly);
            } catch (RejectedExecutionException shuttingDown) {
                // the next start picks it up
            }
        }
    }

    private void issueQuietly() {
        try {
            while (issueDue() > 0) {
                // more may be due
            }
        } catch (RuntimeException e) {
            log.warn("issuing settlement certificates failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("settlement-certificates").daemon(true).factory());
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::issueQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
