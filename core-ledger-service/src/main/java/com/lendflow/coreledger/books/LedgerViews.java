package com.lendflow.coreledger.books;

import static com.lendflow.platform.web.Amounts.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the ops API shows. Amounts are strings with two decimals; balances are debit minus credit. */
final class LedgerViews {

    private LedgerViews() {
    }

    record AccountView(String code, String name, AccountType type, Side normalSide, String debitTotal,
                       String creditTotal, String balance, String naturalBalance) {

        static AccountView of(AccountBalance account) {
            return new AccountView(account.code(), account.name(), account.type(), account.normalSide(),
                    text(account.debitTotal()), text(account.creditTotal()), text(account.balance()),
                    text(account.naturalBalance()));
        }
    }

    record AccountsView(LocalDate asOf, List<AccountView> accounts) {
    }

    record TrialBalanceView(LocalDate asOf, List<AccountView> accounts, String debitTotal, String creditTotal,
                            boolean balanced) {

        static TrialBalanceView of(TrialBalance trialBalance) {
            return new TrialBalanceView(trialBalance.asOf(), trialBalance.accounts().stream().map(AccountView::of).toList(),
                    text(trialBalance.debitTotal()), text(trialBalance.creditTotal()), trialBalance.balanced());
        }
    }

    record LineView(int lineNo, String account, Side side, String amount, String fundingPartner) {
    }

    record EntryView(UUID id, LocalDate businessDate, Instant postedAt, String eventType, String eventId, UUID loanId,
                     UUID reverses, UUID reversedBy, String memo, List<LineView> lines) {

        static EntryView of(JournalEntry entry, UUID reversedBy) {
            List<LineView> lines = new java.util.ArrayList<>();
            for (int i = 0; i < entry.lines().size(); i++) {
                Posting line = entry.lines().get(i);
                lines.add(new LineView(i + 1, line.account(), line.side(), text(line.amount()), line.fundingPartner()));
            }
            return new EntryView(entry.id(), entry.businessDate(), entry.postedAt(), entry.eventType(), entry.eventId(),
                    entry.loanId(), entry.reverses(), reversedBy, entry.memo(), List.copyOf(lines));
        }
    }
}
