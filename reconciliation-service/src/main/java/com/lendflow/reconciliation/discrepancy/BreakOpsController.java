package com.lendflow.reconciliation.discrepancy;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.reconciliation.OpsRequests;
import com.lendflow.reconciliation.matching.Reconciliation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops find breaks, take one up (OPEN → INVESTIGATING) and resolve it (→ RESOLVED with a resolution). A
 * resolution that changes money is booked through core-ledger first, outside any transaction here; only
 * when the ledger has the entry is the break resolved, with the entry's id, by whom, when, and audited.
 */
@RestController
@RequestMapping("/ops/v1/reconciliation/breaks")
@PreAuthorize("hasAnyRole('FINANCE', 'OPS_SUPERVISOR', 'ADMIN')")
class BreakOpsController {

    private final Breaks breaks;
    private final LedgerAdjustments ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    BreakOpsController(Breaks breaks, LedgerAdjustments ledger, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                       AuditTrail audit, Clock clock) {
        this.breaks = breaks;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    Breaks.Page search(@RequestParam(name = "class", required = false) String breakClass,
                       @RequestParam(required = false) String state, @RequestParam(required = false) String reconciliation,
                       @RequestParam(required = false) String party, @RequestParam(required = false) String date,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String minAgeDays, @RequestParam(required = false) String maxAgeDays,
                       @RequestParam(required = false) String minAmount, @RequestParam(required = false) String maxAmount,
                       @RequestParam(required = false) String dangerous,
                       @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        OpsRequests check = new OpsRequests();
        Breaks.Filter filter = new Breaks.Filter(
                check.oneOf("class", breakClass, List.of("MISSING_ON_OUR_SIDE", "MISSING_ON_THEIR_SIDE",
                        "AMOUNT_MISMATCH", "STATUS_MISMATCH", "DATE_MISMATCH")),
                check.oneOf("state", state, List.of("PENDING", "OPEN", "INVESTIGATING", "RESOLVED")),
                nameOf(check.oneOf("reconciliation", reconciliation, Reconciliation.class, false)),
                party == null || party.isBlank() ? null : party,
                check.date("date", date, false), check.date("from", from, false), check.date("to", to, false),
                check.number("minAgeDays", minAgeDays, 0, 100_000, null),
                check.number("maxAgeDays", maxAgeDays, 0, 100_000, null),
                check.amount("minAmount", minAmount), check.amount("maxAmount", maxAmount),
                dangerous == null ? null : Boolean.valueOf(check.oneOf("dangerous", dangerous, List.of("true", "false"))));
        int pageNo = check.number("page", page, 0, 100_000, 0);
        int pageSize = check.number("size", size, 1, 200, 50);
        check.check();
        return breaks.search(filter, pageNo, pageSize);
    }

    @GetMapping("/{id}")
    Breaks.Detail detail(@PathVariable UUID id) {
        return breaks.detail(id).orElseThrow(() -> ApiProblem.notFound("Break", id));
    }

    record Investigate(String reason) {
    }

    @PostMapping("/{id}/investigate")
    Breaks.BreakView investigate(@PathVariable UUID id, @RequestBody Investigate request, Authentication staff) {
        OpsRequests check = new OpsRequests();
        check.reason("reason", request.reason());
        check.check();
        return transactions.execute(status -> {
            Breaks.BreakView before = breaks.find(id).orElseThrow(() -> ApiProblem.notFound("Break", id));
            int changed = jdbc.sql("""
                    update reconciliation_break set state = 'INVESTIGATING', state_reason = :reason, updated_at = :now,
                           updated_by = :by
                     where id = :id and state = 'OPEN'
                    """).param("reason", request.reason()).param("now", now()).param("by", staff.getName())
                    .param("id", id).update();
            if (changed == 0) {
                throw refused(before, "investigated");
            }
            Breaks.BreakView after = breaks.find(id).orElseThrow();
            audit.record(new AuditEntry("reconciliation-break.investigate", "reconciliation-break", id.toString(),
                    before.state(), after.state(), request.reason()));
            return after;
        });
    }

    record Resolve(String resolution, String reason) {
    }

    @PostMapping("/{id}/resolve")
    Breaks.BreakView resolve(@PathVariable UUID id, @RequestBody Resolve request, Authentication staff) {
        OpsRequests check = new OpsRequests();
        Resolution resolution = check.oneOf("resolution", request.resolution(), Resolution.class, true);
        check.reason("reason", request.reason());
        check.check();
        Breaks.BreakView found = breaks.find(id).orElseThrow(() -> ApiProblem.notFound("Break", id));
        if (!found.state().equals("OPEN") && !found.state().equals("INVESTIGATING")) {
            throw refused(found, "resolved");
        }
        String journalEntry = null;
        if (resolution.movesMoney()) {
            journalEntry = ledger.book(adjustment(found, resolution, request.reason(), staff.getName()));
        }
        String entry = journalEntry;
        return transactions.execute(status -> {
            int changed = jdbc.sql("""
                    update reconciliation_break
                       set state = 'RESOLVED', resolution = :resolution, state_reason = :reason, resolved_at = :now,
                           updated_at = :now, updated_by = :by, journal_entry_id = :entry
                     where id = :id and state in ('OPEN', 'INVESTIGATING')
                    """).param("resolution", resolution.name()).param("reason", request.reason()).param("now", now())
                    .param("by", staff.getName()).param("entry", entry).param("id", id).update();
            if (changed == 0) {
                throw refused(breaks.find(id).orElseThrow(), "resolved");
            }
            Breaks.BreakView after = breaks.find(id).orElseThrow();
            audit.record(new AuditEntry("reconciliation-break.resolve", "reconciliation-break", id.toString(),
                    found.state(), after.state() + " " + resolution + (entry == null ? "" : " journal entry " + entry),
                    request.reason()));
            return after;
        });
    }

    /**
     * The money the resolution books: their cash effect minus ours, a payout counting as money out and only
     * a record that says the money moved counting at all. More on their side than in our books is a GAIN.
     */
    private static LedgerAdjustments.Adjustment adjustment(Breaks.BreakView found, Resolution resolution, String reason,
                                                           String by) {
        BigDecimal difference = effect(found, found.theirs()).subtract(effect(found, found.ours()));
        if (difference.signum() == 0) {
            throw ApiProblem.conflict("nothing-to-adjust", "both sides moved the same money for break " + found.id()
                    + "; resolve it as " + Resolution.REPOSTED + " or " + Resolution.FALSE_ALARM);
        }
        String partner = "FUNDING_PARTNER".equals(found.reconciliation()) ? found.party() : fundingPartnerOf(found);
        return new LedgerAdjustments.Adjustment(found.id(), resolution.name(), Amounts.text(difference.abs()),
                found.loanId(), partner, difference.signum() > 0 ? "GAIN" : "LOSS", reason, by);
    }

    private static BigDecimal effect(Breaks.BreakView found, Breaks.SideView side) {
        if (side == null || side.amount() == null || !"SUCCESS".equals(side.status())) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = new BigDecimal(side.amount());
        return "PAYOUT".equals(found.kind()) ? amount.negate() : amount;
    }

    /** payment-service's record names the partner whose account paid or received (its last column). */
    private static String fundingPartnerOf(Breaks.BreakView found) {
        Breaks.SideView payment = "CHANNEL".equals(found.reconciliation()) ? found.ours() : found.theirs();
        if (payment == null || payment.record() == null) {
            return null;
        }
        String[] columns = payment.record().split(",", -1);
        return columns.length == 9 && !columns[8].isEmpty() ? columns[8] : null;
    }

    private static ApiProblem refused(Breaks.BreakView found, String verb) {
        return ApiProblem.conflict("break-state", "break " + found.id() + " is " + found.state()
                + ("PENDING".equals(found.state()) ? " (held at the cut-off for the next day's run)" : "")
                + " and cannot be " + verb);
    }

    private static String nameOf(Reconciliation reconciliation) {
        return reconciliation == null ? null : reconciliation.name();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
