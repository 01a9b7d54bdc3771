package com.lendflow.reconciliation.discrepancy;

/** How a person resolves a break; the first three change money and are booked through core-ledger. */
public enum Resolution {
    ADJUSTED_LEDGER(true),
    REFUNDED(true),
    WRITTEN_OFF(true),
    REPOSTED(false),
    FALSE_ALARM(false);

    private final boolean movesMoney;

    Resolution(boolean movesMoney) {
        this.movesMoney = movesMoney;
    }

    public boolean movesMoney() {
        return movesMoney;
    }
}
