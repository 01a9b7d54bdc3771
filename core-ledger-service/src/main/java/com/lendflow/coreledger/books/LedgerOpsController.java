package com.lendflow.coreledger.books;

import com.lendflow.platform.web.ApiProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books as finance reads them. Read-only on purpose: entries are posted by business events
 * and corrected by reversing entries, never through this API.
 */
@RestController
@RequestMapping("/ops/v1/ledger")
@PreAuthorize("hasAnyRole('FINANCE','ADMIN')")
class LedgerOpsController {

    private final Books books;
    private final FundingPartnerPositions partners;

    LedgerOpsController(Books books, FundingPartnerPositions partners) {
        this.books = books;
        this.partners = partners;
    }

    /** What each funding partner's loans owe and have earned, as of a date or over everything posted so far. */
    @GetMapping("/funding-partners")
    FundingPartnerPositions.PositionsView fundingPartners(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return partners.asOf(asOf);
    }

    @GetMapping("/trial-balance")
    LedgerViews.TrialBalanceView trialBalance(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return LedgerViews.TrialBalanceView.of(books.trialBalance(asOf));
    }

    /** The chart with each account's balance, as of a date or, without one, over everything posted so far. */
    @GetMapping("/accounts")
    LedgerViews.AccountsView accounts(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        List<LedgerViews.AccountView> accounts = books.balances(asOf).stream().map(LedgerViews.AccountView::of).toList();
        return new LedgerViews.AccountsView(asOf, accounts);
    }

    @GetMapping("/entries/{id}")
    LedgerViews.EntryView entry(@PathVariable UUID id) {
        JournalEntry entry = books.entry(id).orElseThrow(() -> ApiProblem.notFound("Journal entry", id));
        return LedgerViews.EntryView.of(entry, books.reversalOf(id).map(JournalEntry::id).orElse(null));
    }
}
