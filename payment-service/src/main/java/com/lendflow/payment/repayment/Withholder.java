package com.lendflow.payment.repayment;

import com.lendflow.payment.repayment.CollectionDesk.Checked;
import com.lendflow.payment.repayment.LoanAmounts.AmountsDue;
import com.lendflow.payment.repayment.LoanAmounts.LedgerUnavailable;
import com.lendflow.payment.repayment.RepaymentOrder.Collection;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the withholding attempts whose business date has come (and, for a same-day retry, whose
 * hour). Each attempt is claimed under a row lock, so one runs however many instances poll; asks
 * core-ledger what is due now with no transaction open; stops the withholding once nothing is due;
 * otherwise records a collection of {@code dueNow} from the customer's withholding card, or a
 * refused attempt (no card, a limit) that counts against the plan like a failed one.
 */
@Component
class Withholder {

    private static final Logger log = LoggerFactory.getLogger(Withholder.class);
    private static final Limit BATCH = Limit.of(100);

    private final Withholdings withholdings;
    private final RepaymentOrders orders;
    private final BusinessDays businessDays;
    private final LoanAmounts loans;
    private final CollectionDesk desk;
    private final RepaymentTransfers outcomes;
    private final RepaymentProperties repayment;
    private final WithholdingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Withholder(Withholdings withholdings, RepaymentOrders orders, BusinessDays businessDays, LoanAmounts loans,
               CollectionDesk desk, RepaymentTransfers outcomes, RepaymentProperties repayment,
               WithholdingProperties properties, TransactionTemplate transactions, Clock clock) {
        this.withholdings = withholdings;
        this.orders = orders;
        this.businessDays = businessDays;
        this.loans = loans;
        this.desk = desk;
        this.outcomes = outcomes;
        this.repayment = repayment;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lendflow.payment.repayment.poll-interval:2s}",
            initialDelayString = "${lendflow.payment.repayment.poll-interval:2s}")
    void run() {
        Optional<LocalDate> today = businessDays.current();
        if (today.isEmpty()) {
            return;
        }
        Instant now = now();
        for (UUID stuck : withholdings.stuckAttempting(now.minus(repayment.stuckAfter()), BATCH)) {
            transactions.executeWithoutResult(tx -> withholdings.lockById(stuck)
                    .filter(w -> w.releaseIfStuck(now.minus(repayment.stuckAfter()), now))
                    .ifPresent(w -> log.warn("withholding {} of loan {} was left mid-attempt; it runs again", w.id(),
                            w.loanId())));
        }
        for (UUID due : withholdings.due(today.get(), now, BATCH)) {
            try {
                attempt(due, today.get());
            } catch (RuntimeException e) {
                log.error("withholding attempt {} failed: {}", due, e.toString(), e);
            }
        }
    }

    void attempt(UUID withholdingId, LocalDate today) {
        Withholding claimed = transactions.execute(tx -> withholdings.lockById(withholdingId)
                .filter(w -> w.claim(today, now())).orElse(null));
        if (claimed == null) {
            return;
        }
        Optional<AmountsDue> due;
        Instant asked = now();
        try {
            due = loans.of(claimed.loanId());
        } catch (LedgerUnavailable unavailable) {
            log.warn("withholding {} of loan {} waits: {}", withholdingId, claimed.loanId(), unavailable.getMessage());
            transactions.executeWithoutResult(tx -> withholdings.lockById(withholdingId).orElseThrow()
                    .postpone(now().plus(properties.ledgerRetry()), now()));
            return;
        }
        transactions.executeWithoutResult(tx -> collect(withholdings.lockById(withholdingId).orElseThrow(), due, asked,
                today));
    }

    private void collect(Withholding w, Optional<AmountsDue> due, Instant asked, LocalDate today) {
        Instant now = now();
        if (due.isEmpty()) {
            w.stop(WithholdingState.CANCELLED, "core-ledger knows no loan " + w.loanId(), now);
            log.warn("withholding {} cancelled: core-ledger knows no loan {}", w.id(), w.loanId());
            return;
        }
        if (due.get().settled() || due.get().dueNow().signum() <= 0) {
            w.stop(WithholdingState.SETTLED_ELSEWHERE, due.get().settled() ? "the loan is settled"
                    : "nothing is due on the loan any more", now);
            log.info("withholding {} of loan {} period {} stops: nothing is due", w.id(), w.loanId(), w.period());
            return;
        }
        desk.lockLoan(w.loanId());
        List<RepaymentOrder> unsettled = orders.unsettledFor(w.loanId(), now.minus(repayment.appliedWait()));
        if (!unsettled.isEmpty() || orders.existsByLoanIdAndAppliedAtAfter(w.loanId(), asked)) {
            // The ledger's amounts due do not show a collection in flight or not yet applied, and may predate
            // one applied since they were asked: wait, and ask again.
            w.postpone(now.plus(properties.ledgerRetry()), now);
            return;
        }
        Collection collection = new Collection(w.loanId(), w.customerId(), RepaymentMode.WITHHOLDING,
                due.get().dueNow(), w.id(), w.attempts() + 1, null, due.get().fundingPartnerId());
        LocalDate date = desk.today();
        Checked checked = desk.check(w.customerId(), null, collection.amount(), date);
        if (checked instanceof Checked.Refused refused) {
            RepaymentOrder order = desk.recordRefused(collection, refused.refusal(), date);
            w.collecting(order.id(), now);
            outcomes.fail(order, refused.refusal().code(), refused.refusal().reason(), now);
            return;
        }
        RepaymentOrder order = desk.recordPending(collection, ((Checked.Card) checked).card(), date);
        int attempt = w.collecting(order.id(), now);
        log.info("withholding {} of loan {} period {}: attempt {} collects {} as {} (business date {})", w.id(),
                w.loanId(), w.period(), attempt, Amounts.text(collection.amount()), order.requestNo(), today);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
