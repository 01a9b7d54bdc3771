package com.lendflow.antifraud.rules;

import java.util.List;

/** The engine's answer: the result, the total score and every rule that fired, in rule order. */
public record Verdict(Result result, int score, List<FiredRule> firedRules) {

    public Verdict {
        firedRules = List.copyOf(firedRules);
    }

    public List<String> firedCodes() {
        return firedRules.stream().map(rule -> rule.code().name()).toList();
    }
}
