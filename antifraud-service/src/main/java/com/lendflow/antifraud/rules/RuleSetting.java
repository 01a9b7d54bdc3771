package com.lendflow.antifraud.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the rule table: whether the rule is on, its parameters, the score it adds when it
 * fires and the action it asks for. {@link #problems()} lists what is wrong with it, so the ops
 * API and the engine agree on what a valid row is.
 */
public record RuleSetting(RuleCode code, boolean enabled, Map<String, Integer> params, int weight, RuleAction action,
                          long version) {

    public static final int MAX_WEIGHT = 1000;

    public RuleSetting {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(action, "action");
        params = params == null ? Map.of() : new TreeMap<>(params);
    }

    /** Each problem as (field, rule, message), fields named as the ops API's request names them. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (weight < 0 || weight > MAX_WEIGHT) {
            problems.add(new Problem("weight", "Range", "must be between 0 and " + MAX_WEIGHT));
        }
        for (String name : params.keySet()) {
            if (code.parameter(name).isEmpty()) {
                problems.add(new Problem("params." + name, "unknown-parameter", "is not a parameter of " + code
                        + " (its parameters: " + code.parameters().stream().map(ParameterSpec::name).toList() + ")"));
            }
        }
        for (ParameterSpec spec : code.parameters()) {
            Integer value = params.get(spec.name());
            if (value == null) {
                problems.add(new Problem("params." + spec.name(), "NotNull", "is required: " + spec.meaning()));
            } else if (!spec.accepts(value)) {
                problems.add(new Problem("params." + spec.name(), "Range",
                        "must be between " + spec.min() + " and " + spec.max()));
            }
        }
        if (code.drawdownOnly() && action == RuleAction.REVIEW) {
            problems.add(new Problem("action", "drawdown-action", "must be NONE or REJECT: " + code
                    + " runs only at drawdown, where nobody reviews; its score counts against the drawdown reject score"));
        }
        if (code == RuleCode.AGE_OUT_OF_RANGE && problems.isEmpty() && param("minAge") > param("maxAge")) {
            problems.add(new Problem("params.minAge", "Range", "must not be above maxAge"));
        }
        return problems;
    }

    public int param(String name) {
        Integer value = params.get(name);
        if (value == null) {
            throw new IllegalStateException(code + " has no parameter " + name);
        }
        return value;
    }

    /** A broken rule of a setting. */
    public record Problem(String field, String rule, String message) {
    }
}
