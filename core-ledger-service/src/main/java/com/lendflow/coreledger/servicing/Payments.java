package com.lendflow.coreledger.servicing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Allocations summed per installment, the way they change installment rows. */
record Payments(BigDecimal principal, BigDecimal interest, BigDecimal recognised, BigDecimal penalty) {

    static final Payments NONE = new Payments(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    static Map<Integer, Payments> byInstallment(List<Allocation> allocations) {
        Map<Integer, Payments> byPeriod = new TreeMap<>();
        for (Allocation allocation : allocations) {
            if (allocation.period() != null) {
                byPeriod.merge(allocation.period(), of(allocation), Payments::plus);
            }
        }
        return byPeriod;
    }

    private static Payments of(Allocation allocation) {
        return switch (allocation.component()) {
            case PRINCIPAL -> new Payments(allocation.amount(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            case INTEREST -> new Payments(BigDecimal.ZERO, allocation.amount(), allocation.recognisedOnReceipt(),
                    BigDecimal.ZERO);
            case PENALTY -> new Payments(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, allocation.amount());
            case FEE, CREDIT -> NONE;
        };
    }

    Payments plus(Payments other) {
        return new Payments(principal.add(other.principal), interest.add(other.interest),
                recognised.add(other.recognised), penalty.add(other.penalty));
    }

    Payments negated() {
        return new Payments(principal.negate(), interest.negate(), recognised.negate(), penalty.negate());
    }
}
