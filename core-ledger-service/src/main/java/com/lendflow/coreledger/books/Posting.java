package com.lendflow.coreledger.books;

import java.math.BigDecimal;

/** One line of a journal entry: an amount on one side of one account, optionally for a funding partner. */
public record Posting(String account, Side side, BigDecimal amount, String fundingPartner) {

    public static Posting debit(String account, BigDecimal amount) {
        return new Posting(account, Side.DEBIT, amount, null);
    }

    public static Posting credit(String account, BigDecimal amount) {
        return new Posting(account, Side.CREDIT, amount, null);
    }

    public Posting forFundingPartner(String partner) {
        return new Posting(account, side, amount, partner);
    }

    Posting mirrored() {
        return new Posting(account, side.opposite(), amount, fundingPartner);
    }
}
