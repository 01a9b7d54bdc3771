package com.lendflow.collection.outreach;

import com.lendflow.collection.casework.Cases;
import com.lendflow.collection.casework.CollectionCase;
import com.lendflow.collection.casework.CustomerLocks;
import com.lendflow.collection.contact.BorrowerContacts;
import com.lendflow.collection.contact.Compliance;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.privacy.Mask;
import java.time.Instant;
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
 * Makes the automated contacts the strategy asked for (SMS, robo-call). Each is claimed in one
 * transaction under the customer's lock, where the compliance rules are checked: in quiet hours it
 * is deferred to their end (not dropped); over the daily cap it is refused. Then, outside any
 * transaction, the borrower's mobile is fetched and the provider called; the outcome is recorded in
 * a second transaction.
 */
@Component
public class Outreach {

    private static final Logger log = LoggerFactory.getLogger(Outreach.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CustomerLocks customers;
    private final Cases cases;
    private final Compliance compliance;
    private final BorrowerContacts borrowers;
    private final Providers providers;

    Outreach(JdbcClient jdbc, PlatformTransactionManager transactionManager, CustomerLocks customers, Cases cases,
             Compliance compliance, BorrowerContacts borrowers, Providers providers) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.customers = customers;
        this.cases = cases;
        this.compliance = compliance;
        this.borrowers = borrowers;
        this.providers = providers;
    }

    private record Claimed(UUID actionId, UUID customerId, String kind, String template, String amount, int dpd) {
    }

    /** Contacts waiting whose time has come: pending ones, and deferred ones whose quiet hours ended. */
    public int makeWaitingContacts(int limit) {
        List<UUID> due = jdbc.sql("""
                select id from collection_action
                 where kind in ('SMS', 'ROBO_CALL')
                   and (state = 'PENDING' or (state = 'DEFERRED' and not_before <= :now))
                 order by created_at limit :limit
                """).param("now", Cases.at(compliance.now())).param("limit", limit).query(UUID.class).list();
        due.forEach(this::make);
        return due.size();
    }

    public void make(UUID actionId) {
        Claimed claimed = transactions.execute(status -> claim(actionId));
        if (claimed == null) {
            return;
        }
        String state;
        String outcome = null;
        String reference = null;
        String detail;
        try {
            BorrowerContacts.BorrowerContact borrower = borrowers.of(claimed.customerId());
            String text = claimed.template().replace("{name}", borrower.surnameOnly())
                    .replace("{amount}", claimed.amount()).replace("{dpd}", Integer.toString(claimed.dpd()));
            Providers.Sent sent = "SMS".equals(claimed.kind()) ? providers.sms(borrower.mobile(), text)
                    : providers.call(borrower.mobile(), text);
            state = "DONE";
            outcome = sent.outcome();
            reference = sent.reference();
            detail = ("SMS".equals(claimed.kind()) ? "SMS to " : "robo-call to ") + Mask.mobile(borrower.mobile());
        } catch (RuntimeException e) {
            state = "FAILED";
            detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("collection action {} ({}) for customer {} failed: {}", actionId, claimed.kind(), claimed.customerId(), detail);
        }
        String finalState = state;
        String finalOutcome = outcome;
        String finalReference = reference;
        String finalDetail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        transactions.executeWithoutResult(status -> jdbc.sql("""
                update collection_action set state = ?, outcome = ?, provider_ref = ?, detail = ? where id = ?
                """).params(finalState, finalOutcome, finalReference, finalDetail, actionId).update());
    }

    private Claimed claim(UUID actionId) {
        record Waiting(UUID customerId, UUID caseId, String kind, String templateCode) {
        }
        Optional<Waiting> waiting = jdbc.sql("""
                select customer_id, case_id, kind, template_code from collection_action
                 where id = ? and state in ('PENDING', 'DEFERRED')
                """).param(actionId)
                .query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .optional();
        if (waiting.isEmpty()) {
            return null;
        }
        CustomerLocks.Customer customer = customers.lock(waiting.get().customerId());
        // Read again under the customer's lock: another worker may have made it meanwhile.
        String state = jdbc.sql("select state from collection_action where id = ? for update").param(actionId)
                .query(String.class).single();
        Instant now = compliance.now();
        if (!state.equals("PENDING") && !state.equals("DEFERRED")) {
            return null;
        }
        CollectionCase theCase = cases.find(waiting.get().caseId()).orElseThrow();
        if (!theCase.open() || customer.stopped()) {
            settle(actionId, "REFUSED", customer.stopped() ? "collection was stopped for the customer (" + customer.stopKind() + ")"
                    : "the case closed before it was made", null);
            return null;
        }
        Optional<Instant> quiet = compliance.quietUntil(now);
        if (quiet.isPresent()) {
            jdbc.sql("update collection_action set state = 'DEFERRED', not_before = ?, detail = ? where id = ?")
                    .params(Cases.at(quiet.get()), "quiet hours: deferred until " + quiet.get(), actionId).update();
            return null;
        }
        if (compliance.capReached(waiting.get().customerId(), now)) {
            settle(actionId, "REFUSED", "daily contact cap of " + compliance.dailyCap() + " reached", now);
            return null;
        }
        String template = jdbc.sql("select body from message_template where code = ?").param(waiting.get().templateCode())
                .query(String.class).optional().orElse(null);
        if (template == null) {
            settle(actionId, "FAILED", "no template " + waiting.get().templateCode(), now);
            return null;
        }
        jdbc.sql("update collection_action set state = 'SENDING', executed_at = ? where id = ?")
                .params(Cases.at(now), actionId).update();
        return new Claimed(actionId, waiting.get().customerId(), waiting.get().kind(), template,
                Amounts.text(theCase.amountOverdue()), theCase.daysPastDue());
    }

    private void settle(UUID actionId, String state, String detail, Instant at) {
        jdbc.sql("update collection_action set state = ?, detail = ?, executed_at = ? where id = ?")
                .params(state, detail, Cases.at(at), actionId).update();
    }
}
