package com.lendflow.collection.casework;

import com.lendflow.contracts.ledger.LoanBucketChanged;
import com.lendflow.contracts.ledger.LoanOverdue;
import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps cases in step with core-ledger's facts about loans: a loan becoming overdue opens the
 * customer's case (or joins it), bucket moves and repayments update it, and the case closes once
 * every loan in it is current or settled. Each fact acts once by its business key, whatever number
 * of messages carry it. Runs inside the inbox's transaction.
 */
@Component
class CaseBook {

    private static final Logger log = LoggerFactory.getLogger(CaseBook.class);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CustomerLocks customers;
    private final ApplicationEventPublisher events;

    CaseBook(JdbcClient jdbc, Cases cases, CustomerLocks customers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.customers = customers;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void overdue(LoanOverdue fact) {
        if (!firstTime("overdue:" + fact.loanId() + ":" + fact.period() + ":" + fact.overdueOn())) {
            return;
        }
        BigDecimal owed = new BigDecimal(fact.overduePrincipal()).add(new BigDecimal(fact.overdueInterest()));
        Optional<CollectionCase> open = openFor(fact.customerId(), fact.loanId(), fact.overdueOn());
        if (open.isEmpty()) {
            return;
        }
        UUID caseId = open.get().id();
        CaseLoan before = loanOf(caseId, fact.loanId());
        BigDecimal amount = before != null && before.overdue() ? before.amountOverdue().add(owed) : owed;
        boolean newer = before == null || !before.dpdAsOf().isAfter(fact.overdueOn()) || !before.overdue();
        cases.saveLoan(new CaseLoan(caseId, fact.loanId(), "OVERDUE",
                newer ? Buckets.worse(before != null && before.overdue() ? before.bucket() : "M0", Buckets.of(fact.daysPastDue()))
                        : before.bucket(),
                newer ? fact.daysPastDue() : before.daysPastDue(), newer ? fact.overdueOn() : before.dpdAsOf(), amount,
                before == null ? fact.overdueOn() : before.joinedOn()));
        cases.refresh(caseId, fact.overdueOn());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void bucketChanged(LoanBucketChanged fact) {
        if (!firstTime("bucket:" + fact.loanId() + ":" + fact.businessDate() + ":" + fact.fromBucket() + ":" + fact.toBucket())) {
            return;
        }
        jdbc.sql("""
                insert into bucket_move (loan_id, customer_id, from_bucket, to_bucket, days_past_due, business_date)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
                .params(fact.loanId(), fact.customerId(), fact.fromBucket(), fact.toBucket(), fact.daysPastDue(),
                        fact.businessDate())
                .update();
        if ("M0".equals(fact.toBucket())) {
            customers.lock(fact.customerId());
            cases.findOpenWithLoan(fact.loanId()).ifPresent(open -> {
                CaseLoan loan = loanOf(open.id(), fact.loanId());
                if (loan.overdue()) {
                    cases.saveLoan(new CaseLoan(open.id(), fact.loanId(), "CURRENT", "M0", 0, fact.businessDate(),
                            BigDecimal.ZERO, loan.joinedOn()));
                }
                closeIfClear(open.id(), fact.businessDate());
            });
            return;
        }
        Optional<CollectionCase> open = openFor(fact.customerId(), fact.loanId(), fact.businessDate());
        if (open.isEmpty()) {
            return;
        }
        UUID caseId = open.get().id();
        CaseLoan before = loanOf(caseId, fact.loanId());
        BigDecimal amount = before != null && before.overdue() ? before.amountOverdue() : BigDecimal.ZERO;
        cases.saveLoan(new CaseLoan(caseId, fact.loanId(), "OVERDUE", fact.toBucket(), fact.daysPastDue(),
                fact.businessDate(), amount, before == null ? fact.businessDate() : before.joinedOn()));
        cases.refresh(caseId, fact.businessDate());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void settled(LoanSettled fact) {
        if (!firstTime("settled:" + fact.loanId())) {
            return;
        }
        settle(fact.customerId(), fact.loanId(), fact.settledOn());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void repaymentApplied(RepaymentApplied fact) {
        if (!firstTime("repayment:" + fact.repaymentId())) {
            return;
        }
        customers.lock(fact.customerId());
        Optional<CollectionCase> open = cases.findOpenWithLoan(fact.loanId());
        if (open.isEmpty()) {
            return;
        }
        UUID caseId = open.get().id();
        BigDecimal amount = new BigDecimal(fact.amount());
        if (amount.signum() > 0) {
            jdbc.sql("""
                    insert into recovery (repayment_id, case_id, loan_id, amount, applied_on) values (?, ?, ?, ?, ?)
                    on conflict do nothing
                    """).params(fact.repaymentId(), caseId, fact.loanId(), amount, fact.appliedOn()).update();
            keepPromises(caseId, amount, fact.appliedOn());
        }
        if (fact.settled()) {
            settle(fact.customerId(), fact.loanId(), fact.appliedOn());
            return;
        }
        CaseLoan loan = loanOf(caseId, fact.loanId());
        if (loan != null && loan.overdue()) {
            cases.saveLoan(new CaseLoan(caseId, loan.loanId(), loan.state(), loan.bucket(), loan.daysPastDue(),
                    loan.dpdAsOf(), loan.amountOverdue().subtract(amount).max(BigDecimal.ZERO), loan.joinedOn()));
            cases.refresh(caseId, fact.appliedOn());
        }
    }

    private void settle(UUID customerId, UUID loanId, LocalDate on) {
        customers.lock(customerId);
        cases.findOpenWithLoan(loanId).ifPresent(open -> {
            CaseLoan loan = loanOf(open.id(), loanId);
            cases.saveLoan(new CaseLoan(open.id(), loanId, "SETTLED", "M0", 0, on, BigDecimal.ZERO, loan.joinedOn()));
            closeIfClear(open.id(), on);
        });
    }

    /** Repayments count towards the case's open promises, oldest first; one reaching its amount is kept. */
    private void keepPromises(UUID caseId, BigDecimal amount, LocalDate on) {
        jdbc.sql("""
                update promise set repaid = repaid + :amount,
                                   state = case when repaid + :amount >= promise.amount then 'KEPT' else 'OPEN' end,
                                   resolved_on = case when repaid + :amount >= promise.amount then cast(:on as date) end
                 where case_id = :case and state = 'OPEN'
                """).param("amount", amount).param("on", on).param("case", caseId).update();
    }

    private void closeIfClear(UUID caseId, LocalDate on) {
        List<CaseLoan> loans = cases.loans(caseId);
        if (loans.stream().anyMatch(CaseLoan::overdue)) {
            cases.refresh(caseId, on);
            return;
        }
        boolean allSettled = loans.stream().allMatch(l -> "SETTLED".equals(l.state()));
        cases.refresh(caseId, on);
        cases.close(caseId, on, allSettled ? "LOANS_SETTLED" : "LOANS_CURRENT",
                allSettled ? "every loan of the case is settled" : "every loan of the case is current or settled");
        log.info("collection case {} closed on {}: {}", caseId, on, allSettled ? "loans settled" : "loans current");
    }

    /** The customer's open case, opened now if there is none; empty when collection is stopped for them. */
    private Optional<CollectionCase> openFor(UUID customerId, UUID loanId, LocalDate on) {
        CustomerLocks.Customer customer = customers.lock(customerId);
        if (customer.stopped()) {
            log.info("loan {} of customer {} is overdue, but collection was stopped for the customer ({}); no case opens",
                    loanId, customerId, customer.stopKind());
            return Optional.empty();
        }
        return Optional.of(cases.findOpen(customerId).orElseGet(() -> {
            CollectionCase opened = cases.open(customerId, on);
            log.info("collection case {} opened for customer {} on {} (loan {})", opened.id(), customerId, on, loanId);
            events.publishEvent(new CaseOpened(opened.id(), customerId, on));
            return opened;
        }));
    }

    private CaseLoan loanOf(UUID caseId, UUID loanId) {
        return cases.loans(caseId).stream().filter(l -> l.loanId().equals(loanId)).findFirst().orElse(null);
    }

    private boolean firstTime(String factKey) {
        return jdbc.sql("insert into handled_fact (fact_key) values (?) on conflict do nothing").param(factKey).update() == 1;
    }
}
