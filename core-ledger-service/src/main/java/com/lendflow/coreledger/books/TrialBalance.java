package com.lendflow.coreledger.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every account's totals over the entries dated on or before {@code asOf}, and the grand totals. */
public record TrialBalance(LocalDate asOf, List<AccountBalance> accounts, BigDecimal debitTotal, BigDecimal creditTotal) {

    public TrialBalance {
        accounts = List.copyOf(accounts);
    }

    static TrialBalance of(LocalDate asOf, List<AccountBalance> accounts) {
        BigDecimal debits = accounts.stream().map(AccountBalance::debitTotal).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal credits = accounts.stream().map(AccountBalance::creditTotal).reduce(Money.ZERO, BigDecimal::add);
        return new TrialBalance(asOf, accounts, debits, credits);
    }

    public boolean balanced() {
        return debitTotal.compareTo(creditTotal) == 0;
    }
}
