package com.lendflow.localstack;

import com.lendflow.invariants.Invariants;
import com.lendflow.invariants.Report;
import com.lendflow.invariants.Result;
import java.util.List;

/** The one place the fault campaign calls the invariants checker (module {@code invariants}) on its stack. */
final class StackInvariants {

    /** What the checker said: invariants checked, each broken one with its offending ids, and the whole report. */
    record Outcome(int checked, List<String> violations, String rendered) {
    }

    private StackInvariants() {
    }

    static Outcome check() {
        Report report = Invariants.forLocalStack(SharedStack.OFFSET).check();
        List<String> violations = report.results().stream().filter(result -> !result.held())
                .map(StackInvariants::describe).toList();
        return new Outcome(report.results().size(), violations, report.render());
    }

    private static String describe(Result result) {
        List<String> ids = result.offendingIds();
        return result.invariant() + ": " + result.detail() + " " + (ids.size() > 20 ? ids.subList(0, 20) + " …" : ids);
    }
}
