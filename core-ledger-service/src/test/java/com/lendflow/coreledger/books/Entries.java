package com.lendflow.coreledger.books;

import static com.lendflow.coreledger.books.ChartOfAccounts.FUNDING_PARTNER_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Object Mother of journal entries, as the business events that will post them would. */
final class Entries {

    static final LocalDate MID_JANUARY = LocalDate.of(2026, 1, 15);
    static final String PARTNER = "bank-of-ningbo";

    private Entries() {
    }

    /** A drawdown paid out: the borrower owes us the principal, we owe the funding partner who paid it. */
    static PostEntry disbursement(String amount) {
        return disbursement(MID_JANUARY, amount);
    }

    static PostEntry disbursement(LocalDate businessDate, String amount) {
        BigDecimal principal = new BigDecimal(amount);
        return entry(businessDate, "DrawdownDisbursed", "drawdown " + amount + " yuan",
                Posting.debit(LOAN_RECEIVABLE_PRINCIPAL, principal).forFundingPartner(PARTNER),
                Posting.credit(FUNDING_PARTNER_CLEARING, principal).forFundingPartner(PARTNER));
    }

    static PostEntry interestAccrual(LocalDate businessDate, String amount) {
        BigDecimal interest = new BigDecimal(amount);
        return entry(businessDate, "InterestAccrued", "daily interest",
                Posting.debit(INTEREST_RECEIVABLE, interest), Posting.credit(INTEREST_INCOME, interest));
    }

    /** Debit and credit lines as given, to try what the books refuse. */
    static PostEntry withLines(Posting... lines) {
        return entry(MID_JANUARY, "DrawdownDisbursed", "hand-made", lines);
    }

    static PostEntry entry(LocalDate businessDate, String eventType, String memo, Posting... lines) {
        return new PostEntry(businessDate, eventType, eventId(), UUID.randomUUID(), memo, List.of(lines));
    }

    static String eventId() {
        return "evt-" + UUID.randomUUID();
    }
}
