package com.lendflow.collection.casework;

import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collection cases for ops: search (filtered and paged in the database), one case in full with its
 * loans' statements from core-ledger, every action and contact; an agent's worklist; and the lock an
 * agent takes while working a case.
 */
@RestController
class CaseOpsController {

    private static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseLocks locks;
    private final CustomerLocks customers;
    private final LoanStatements statements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseOpsController(JdbcClient jdbc, Cases cases, CaseLocks locks, CustomerLocks customers, LoanStatements statements,
                      PlatformTransactionManager transactionManager, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.cases = cases;
        this.locks = locks;
        this.customers = customers;
        this.statements = statements;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    record Page(List<CaseSummary> items, int page, int size, long totalItems, int totalPages) {
    }

    record CaseSummary(UUID id, UUID customerId, String state, String grade, String bucket, int daysPastDue,
                       String amountOverdue, int riskScore, int brokenPromises, String queue, String agentId,
                       String agency, String lockedBy, LocalDate openedOn, LocalDate closedOn, String closeReason,
                       String closeNote) {

        static CaseSummary of(CollectionCase c, Instant now) {
            return new CaseSummary(c.id(), c.customerId(), c.state(), c.grade(), c.bucket(), c.daysPastDue(),
                    Amounts.text(c.amountOverdue()), c.riskScore(), c.brokenPromises(), c.queue(), c.agentId(),
                    c.agency(), c.lockHolderAt(now), c.openedOn(), c.closedOn(), c.closeReason(), c.closeNote());
        }
    }

    @GetMapping("/ops/v1/collection/cases")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'ADMIN')")
    Page search(@RequestParam(required = false) String state, @RequestParam(required = false) String grade,
                @RequestParam(required = false) String bucket, @RequestParam(required = false) String agentId,
                @RequestParam(required = false) UUID customerId, @RequestParam(required = false) BigDecimal minAmount,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (state != null && !state.equals("OPEN") && !state.equals("CLOSED")) {
            violations.add(new FieldViolation("state", "one-of", "must be OPEN or CLOSED"));
        }
        if (bucket != null && !Buckets.isBucket(bucket)) {
            violations.add(new FieldViolation("bucket", "bucket", "must be one of " + Buckets.ORDER));
        }
        if (minAmount != null && minAmount.signum() < 0) {
            violations.add(new FieldViolation("minAmount", "Min", "must be 0 or more"));
        }
        pageRules(page, size, violations);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            where.append(" and state = ?");
            params.add(state);
        }
        if (grade != null) {
            where.append(" and grade = ?");
            params.add(grade);
        }
        if (bucket != null) {
            where.append(" and bucket = ?");
            params.add(bucket);
        }
        if (agentId != null) {
            where.append(" and agent_id = ?");
            params.add(agentId);
        }
        if (customerId != null) {
            where.append(" and customer_id = ?");
            params.add(customerId);
        }
        if (minAmount != null) {
            where.append(" and amount_overdue >= ?");
            params.add(minAmount);
        }
        return page(where.toString(), params, " order by opened_at desc, id", page, size);
    }

    /** The signed-in agent's open cases, highest grade and largest amount first. */
    @GetMapping("/ops/v1/collection/worklist")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR')")
    Page worklist(Authentication agent, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        pageRules(page, size, violations);
        return page(" where state = 'OPEN' and agent_id = ?", List.of(agent.getName()),
                " order by (select rank from grade g where g.code = collection_case.grade) desc, amount_overdue desc, id",
                page, size);
    }

    record LoanView(UUID loanId, String state, String bucket, int daysPastDue, LocalDate dpdAsOf, String amountOverdue,
                    LocalDate joinedOn, Object statement) {
    }

    record ActionView(UUID id, LocalDate businessDate, String kind, String state, String outcome, String providerRef,
                      String detail, Instant notBefore, Instant createdAt, Instant executedAt) {
    }

    record ContactView(UUID id, String agentId, String channel, String party, String mobile, String outcome, String note,
                       Instant contactedAt) {
    }

    record PromiseView(UUID id, UUID contactId, String amount, LocalDate date, String repaid, String state,
                       LocalDate madeOn, LocalDate resolvedOn) {
    }

    record CaseDetail(CaseSummary summary, List<LoanView> loans, String statementsUnavailable, List<ActionView> actions,
                      List<ContactView> contacts, List<PromiseView> promises) {
    }

    @GetMapping("/ops/v1/collection/cases/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'ADMIN')")
    CaseDetail detail(@PathVariable UUID id) {
        CollectionCase found = cases.find(id).orElseThrow(() -> ApiProblem.notFound("Collection case", id));
        List<String> unavailable = new ArrayList<>();
        List<LoanView> loans = cases.loans(id).stream().map(l -> {
            LoanStatements.Statement statement = statements.of(l.loanId());
            if (statement.unavailable() != null) {
                unavailable.add(l.loanId() + ": " + statement.unavailable());
            }
            return new LoanView(l.loanId(), l.state(), l.bucket(), l.daysPastDue(), l.dpdAsOf(),
                    Amounts.text(l.amountOverdue()), l.joinedOn(), statement.body());
        }).toList();
        List<ActionView> actions = jdbc.sql("""
                select id, business_date, kind, state, outcome, provider_ref, detail, not_before, created_at, executed_at
                  from collection_action where case_id = ? order by created_at, kind
                """).param(id).query((rs, row) -> new ActionView(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Cases.instant(rs, "not_before"), Cases.instant(rs, "created_at"),
                        Cases.instant(rs, "executed_at"))).list();
        List<ContactView> contacts = jdbc.sql("""
                select id, agent_id, channel, party, mobile_masked, outcome, note, contacted_at from contact
                 where case_id = ? order by contacted_at
                """).param(id).query((rs, row) -> new ContactView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Cases.instant(rs, "contacted_at"))).list();
        List<PromiseView> promises = jdbc.sql("""
                select id, contact_id, amount, promised_for, repaid, state, made_on, resolved_on from promise
                 where case_id = ? order by made_on, id
                """).param(id).query((rs, row) -> new PromiseView(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), Amounts.text(rs.getBigDecimal(3)), rs.getObject(4, LocalDate.class),
                        Amounts.text(rs.getBigDecimal(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class))).list();
        return new CaseDetail(CaseSummary.of(found, clock.instant()), loans,
                unavailable.isEmpty() ? null : String.join("; ", unavailable), actions, contacts, promises);
    }

    @PostMapping("/ops/v1/collection/cases/{id}/lock")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR')")
    CaseLocks.Lock lock(@PathVariable UUID id, Authentication agent) {
        return transactions.execute(status -> {
            customers.lock(cases.find(id).orElseThrow(() -> ApiProblem.notFound("Collection case", id)).customerId());
            return locks.acquire(id, agent.getName());
        });
    }

    @PostMapping("/ops/v1/collection/cases/{id}/lock/release")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR')")
    ResponseEntity<Void> release(@PathVariable UUID id, Authentication agent) {
        boolean supervisor = agent.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPS_SUPERVISOR"));
        transactions.executeWithoutResult(status -> {
            customers.lock(cases.find(id).orElseThrow(() -> ApiProblem.notFound("Collection case", id)).customerId());
            locks.release(id, agent.getName(), supervisor);
        });
        return ResponseEntity.noContent().build();
    }

    private Page page(String where, List<Object> params, String order, int page, int size) {
        long total = jdbc.sql("select count(*) from collection_case" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        Instant now = clock.instant();
        List<CaseSummary> items = jdbc.sql("select * from collection_case" + where + order + " limit ? offset ?")
                .params(paged).query(Cases::caseOf).list().stream().map(c -> CaseSummary.of(c, now)).toList();
        return new Page(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private static void pageRules(int page, int size, List<FieldViolation> violations) {
        if (page < 0) {
            violations.add(new FieldViolation("page", "Min", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "Range", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
