package com.lendflow.loanorder.drawdown;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares a drawdown's loan contract: which funding partner it goes to (funding-service's route
 * preview) and what it costs (core-ledger's calculator, so the contract states what the ledger
 * will book). The calls run outside any transaction; the result is stored and SignLoanContract
 * sent in one short transaction afterwards, if the drawdown still waits for it. A refusal fails
 * the drawdown (and releases what it holds); an unavailable service is tried again by the sweeper.
 */
@Component
class ContractPreparation {

    private static final Logger log = LoggerFactory.getLogger(ContractPreparation.class);

    private final Drawdowns drawdowns;
    private final DrawdownSaga saga;
    private final LendflowServices services;
    private final TransactionTemplate transactions;
    private final DrawdownSettings settings;
    private final Clock clock;

    ContractPreparation(Drawdowns drawdowns, DrawdownSaga saga, LendflowServices services,
                        PlatformTransactionManager transactionManager, DrawdownSettings settings, Clock clock) {
        this.drawdowns = drawdowns;
        this.saga = saga;
        this.services = services;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
    }

    void prepare(UUID drawdownId) {
        Terms terms = transactions.execute(status -> drawdowns.findById(drawdownId)
                .filter(d -> !d.state().isFinal() && d.step() == DrawdownStep.PREPARE_CONTRACT)
                .map(d -> new Terms(d.grade(), d.amount(), d.termMonths(), d.method(), d.annualRate(),
                        d.interestFreeDays()))
                .orElse(null));
        if (terms == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        try {
            LendflowServices.Route route = services.route(terms.grade(), terms.amount(), terms.termMonths());
            LendflowServices.Schedule schedule = services.schedule(terms.amount(), terms.annualRate(), terms.termMonths(),
                    terms.method(), today, terms.interestFreeDays());
            Drawdown.Prepared prepared = new Drawdown.Prepared(route.partnerId(), route.partnerName(), today,
                    schedule.totalInterest(), schedule.firstInstallment(), schedule.firstDueDate(), schedule.lastDueDate());
            inTransaction(drawdownId, (d, now) -> d.contractPrepared(prepared, now, settings));
        } catch (LendflowServices.Refused e) {
            log.warn("drawdown {}: the contract cannot be prepared: {}", drawdownId, e.getMessage());
            inTransaction(drawdownId, (d, now) -> d.preparationFailed("CONTRACT_NOT_PREPARED", e.getMessage(), true, now));
        } catch (LendflowServices.Unavailable | IllegalArgumentException e) {
            log.warn("drawdown {}: preparing the contract failed, trying again later: {}", drawdownId, e.getMessage());
            inTransaction(drawdownId, (d, now) -> d.preparationFailed("SERVICE_UNAVAILABLE", e.getMessage(), false, now));
        }
    }

    private void inTransaction(UUID drawdownId, Step step) {
        transactions.executeWithoutResult(status -> drawdowns.lockById(drawdownId).ifPresent(d -> {
            Instant now = clock.instant();
            saga.follow(d, step.apply(d, now), now);
        }));
    }

    private interface Step {
        List<Effect> apply(Drawdown drawdown, Instant now);
    }

    private record Terms(String grade, BigDecimal amount, int termMonths, String method, BigDecimal annualRate,
                         int interestFreeDays) {
    }
}
