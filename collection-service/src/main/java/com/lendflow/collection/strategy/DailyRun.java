package com.lendflow.collection.strategy;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.collection.agent.Agents;
import com.lendflow.collection.casework.Cases;
import com.lendflow.collection.casework.CollectionCase;
import com.lendflow.collection.casework.CustomerLocks;
import com.lendflow.collection.outreach.Outreach;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run for a business date: promises whose date passed unpaid are broken (raising their
 * cases' grade); then every open case is regraded as of the date and gets the actions its strategy
 * has due — the latest contact step due by its days past due (once per case), queue moves from
 * their day until the case is with someone in that queue — each recorded once per case, action and
 * date; then the contacts are made.
 */
@Component
class DailyRun {

    private static final Logger log = LoggerFactory.getLogger(DailyRun.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CustomerLocks customers;
    private final Cases cases;
    private final Strategies strategies;
    private final Agents agents;
    private final Outreach outreach;
    private final Clock clock;
    private final CollectionSettings settings;

    DailyRun(JdbcClient jdbc, PlatformTransactionManager transactionManager, CustomerLocks customers, Cases cases,
             Strategies strategies, Agents agents, Outreach outreach, Clock clock, CollectionSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.customers = customers;
        this.cases = cases;
        this.strategies = strategies;
        this.agents = agents;
        this.outreach = outreach;
        this.clock = clock;
        this.settings = settings;
    }

    record Counts(int cases, int actions) {
    }

    Counts run(LocalDate date) {
        breakPromises(date);
        int seen = 0;
        int created = 0;
        UUID after = new UUID(0, 0);
        List<UUID> batch;
        do {
            batch = jdbc.sql("""
                    select c.id from collection_case c
                      join collection_customer cu on cu.customer_id = c.customer_id
                     where c.state = 'OPEN' and cu.stopped_at is null and c.opened_on <= :date and c.id > :after
                     order by c.id limit :limit
                    """).param("date", date).param("after", after).param("limit", settings.worker().batchSize())
                    .query(UUID.class).list();
            for (UUID caseId : batch) {
                try {
                    created += planOne(caseId, date);
                } catch (RuntimeException e) {
                    // One case that cannot be planned must not hold up every other case of the day.
                    log.error("collection run for {}: case {} could not be planned; the run goes on", date, caseId, e);
                }
                seen++;
                after = caseId;
            }
        } while (batch.size() == settings.worker().batchSize());
        List<UUID> contacts = jdbc.sql("""
                select id from collection_action where business_date = ? and state = 'PENDING' and kind in ('SMS', 'ROBO_CALL')
                 order by created_at
                """).param(date).query(UUID.class).list();
        contacts.forEach(outreach::make);
        log.info("collection run for {}: {} open cases, {} actions", date, seen, created);
        return new Counts(seen, created);
    }

    /** Plans one case for {@code date} as the run does; its contacts are left pending for the worker. */
    int planOne(UUID caseId, LocalDate date) {
        Integer added = transactions.execute(status -> plan(caseId, date));
        return added == null ? 0 : added;
    }

    private void breakPromises(LocalDate date) {
        List<UUID> broken = transactions.execute(status -> jdbc.sql("""
                update promise set state = 'BROKEN', resolved_on = ? where state = 'OPEN' and promised_for < ?
                returning case_id
                """).params(date, date).query(UUID.class).list());
        for (UUID caseId : broken == null ? List.<UUID>of() : broken) {
            transactions.executeWithoutResult(status -> {
                CollectionCase found = cases.find(caseId).orElseThrow();
                customers.lock(found.customerId());
                cases.addBrokenPromise(caseId);
                CollectionCase after = cases.refresh(caseId, date);
                log.info("collection case {}: a promise to pay passed unpaid on {}; grade {} -> {}", caseId, date,
                        found.grade(), after.grade());
            });
        }
    }

    /** Regrades the case as of {@code date} and records the actions due; queue moves happen here and now. */
    private int plan(UUID caseId, LocalDate date) {
        CollectionCase found = cases.find(caseId).orElseThrow();
        CustomerLocks.Customer customer = customers.lock(found.customerId());
        found = cases.find(caseId).orElseThrow();
        if (!found.open() || customer.stopped()) {
            return 0;
        }
        CollectionCase graded = cases.refresh(caseId, date);
        int dpd = graded.daysPastDue();
        int created = 0;
        Step latestContact = null;
        for (Step step : strategies.stepsFor(graded.grade(), graded.bucket())) {
            if (step.contact() && step.day() <= dpd && (latestContact == null || step.day() > latestContact.day())) {
                latestContact = step;
            } else if (!step.contact() && step.day() <= dpd && !alreadyIn(graded, step)) {
                created += queue(graded, step, date);
            }
        }
        // The contact due by now, once: on its day as a rule; a case that opened after that day (grace days,
        // a late event, a missed run) gets the latest one it has due, never a burst of every earlier one.
        if (latestContact != null && !contacted(graded.id(), latestContact)) {
            created += record(graded, latestContact, date, "PENDING", null, null);
        }
        return created;
    }

    private static boolean alreadyIn(CollectionCase c, Step step) {
        String queue = step.queue();
        return queue.equals(c.queue()) && (c.agentId() != null || "OUTSOURCE".equals(queue));
    }

    private int queue(CollectionCase c, Step step, LocalDate date) {
        if (exists(c.id(), step.action(), date)) {
            return 0;
        }
        if ("OUTSOURCE".equals(step.action())) {
            agents.outsource(c.id(), step.agency());
            return record(c, step, date, "DONE", "OUTSOURCED", "handed to agency " + step.agency());
        }
        Optional<String> agent = agents.assign(c.id(), c.grade(), step.queue());
        return agent.map(a -> record(c, step, date, "DONE", "ASSIGNED", "assigned to " + a))
                .orElseGet(() -> record(c, step, date, "DONE", "QUEUED",
                        "no " + ("SENIOR".equals(step.queue()) ? "senior " : "") + "agent taking grade " + c.grade()
                                + " has room; waiting in the queue"));
    }

    private boolean contacted(UUID caseId, Step step) {
        return jdbc.sql("select count(*) from collection_action where case_id = ? and step_id = ?")
                .params(caseId, step.id()).query(Integer.class).single() > 0;
    }

    private boolean exists(UUID caseId, String kind, LocalDate date) {
        return jdbc.sql("select count(*) from collection_action where case_id = ? and kind = ? and business_date = ?")
                .params(caseId, kind, date).query(Integer.class).single() > 0;
    }

    private int record(CollectionCase c, Step step, LocalDate date, String state, String outcome, String detail) {
        return jdbc.sql("""
                insert into collection_action (id, case_id, customer_id, step_id, business_date, kind, template_code,
                                               state, outcome, detail, created_at, executed_at)
                values (:id, :case, :customer, :step, :date, :kind, :template, :state, :outcome, :detail, :now,
                        case when :state = 'DONE' then cast(:now as timestamptz) end)
                on conflict (case_id, kind, business_date) do nothing
                """)
                .param("id", UUID.randomUUID()).param("case", c.id()).param("customer", c.customerId())
                .param("step", step.id()).param("date", date).param("kind", step.action())
                .param("template", step.templateCode()).param("state", state).param("outcome", outcome)
                .param("detail", detail).param("now", Cases.at(clock.instant()))
                .update();
    }
}
