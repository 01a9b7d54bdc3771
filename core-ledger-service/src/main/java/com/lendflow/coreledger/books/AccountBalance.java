package com.lendflow.coreledger.books;

import java.math.BigDecimal;

/**
 * An account's cumulative totals. {@code balance} is debit total minus credit total, so balances
 * over the whole chart sum to zero; {@link #naturalBalance()} reads it from the account's normal side.
 */
public record AccountBalance(String code, String name, AccountType type, Side normalSide, BigDecimal debitTotal,
                             BigDecimal creditTotal) {

    public BigDecimal balance() {
        return debitTotal.subtract(creditTotal);
    }

    public BigDecimal naturalBalance() {
        return normalSide == Side.DEBIT ? balance() : balance().negate();
    }
}
