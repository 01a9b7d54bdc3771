package com.lendflow.invariants;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The offenders one invariant has found so far: each entry the id, a space, and why. */
final class Findings {

    private final List<String> ids = new ArrayList<>();

    void add(String id, String why) {
        ids.add(id + " " + why);
    }

    Result result(String invariant, String detail) {
        return new Result(invariant, ids.isEmpty(), ids, detail);
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
    }

    static String money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
