package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.rules.FiredRule;

/** A fired rule as stored and shown: code, score added, action asked for and the reason in words. */
public record FiredRuleView(String code, int score, String action, String reason) {

    public static FiredRuleView of(FiredRule rule) {
        return new FiredRuleView(rule.code().name(), rule.score(), rule.action().name(), rule.reason());
    }
}
