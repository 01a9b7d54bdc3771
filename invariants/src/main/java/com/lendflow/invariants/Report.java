package com.lendflow.invariants;

import java.util.List;
import java.util.NoSuchElementException;

/** Every invariant after one pass, in a fixed order. */
public record Report(List<Result> results) {

    /** How many offenders {@link #render()} lists per invariant before it says how many more there are. */
    static final int SHOWN = 20;

    public Report {
        results = List.copyOf(results);
    }

    public boolean allHeld() {
        return results.stream().allMatch(Result::held);
    }

    /** Offenders over every broken invariant (a broken invariant naming none counts one). */
    public long violations() {
        return results.stream().mapToLong(Result::violations).sum();
    }

    public Result result(String invariant) {
        return results.stream().filter(r -> r.invariant().equals(invariant)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no invariant named " + invariant));
    }

    /** One block per invariant: held/BROKEN, the detail, then up to {@value #SHOWN} offenders and a count of the rest. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Result result : results) {
            out.append(result.held() ? "  held    " : "  BROKEN  ").append(result.invariant()).append('\n');
            out.append("          ").append(result.detail()).append('\n');
            List<String> ids = result.offendingIds();
            ids.stream().limit(SHOWN).forEach(id -> out.append("            - ").append(id).append('\n'));
            if (ids.size() > SHOWN) {
                out.append("            ... and ").append(ids.size() - SHOWN).append(" more (")
                        .append(ids.size()).append(" in all)\n");
            }
        }
        long broken = results.stream().filter(r -> !r.held()).count();
        out.append(results.size()).append(" invariants checked, ").append(broken).append(" broken, ")
                .append(violations()).append(" violations\n");
        return out.toString();
    }
}
