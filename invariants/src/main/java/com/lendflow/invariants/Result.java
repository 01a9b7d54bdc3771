package com.lendflow.invariants;

import java.util.List;

/**
 * One invariant after one pass.
 *
 * @param invariant    its name (one of the {@code Invariants} constants)
 * @param held         true when nothing offends it
 * @param offendingIds every offender found, each entry starting with the id (a drawdown, customer, journal entry,
 *                     "partner date", ...) followed by a space and a short reason; never capped here
 * @param detail       what was checked and the figures it was checked on (counts, totals), or why it could not be
 */
public record Result(String invariant, boolean held, List<String> offendingIds, String detail) {

    public Result {
        offendingIds = List.copyOf(offendingIds);
    }

    /** How many offenders this result counts: one for a broken invariant that names none (a trial balance off). */
    public long violations() {
        return held ? 0 : Math.max(1, offendingIds.size());
    }

    /** True when some offender's entry starts with {@code id}. */
    public boolean names(String id) {
        return offendingIds.stream().anyMatch(entry -> entry.startsWith(id));
    }
}
