package com.lendflow.antifraud.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every rule setting and the decision thresholds, as read from the rule table at one moment. */
public record RuleBook(Map<RuleCode, RuleSetting> rules, DecisionThresholds thresholds) {

    public RuleBook {
        EnumMap<RuleCode, RuleSetting> copy = new EnumMap<>(RuleCode.class);
        copy.putAll(rules);
        rules = copy;
    }

    /** The setting of {@code code} if that rule is on. A rule missing from the table is off. */
    public Optional<RuleSetting> enabled(RuleCode code) {
        return Optional.ofNullable(rules.get(code)).filter(RuleSetting::enabled);
    }

    /** Which version of each application rule (and of the thresholds) decided, so a decision can be explained later. */
    public Map<String, Long> versions() {
        return versions(RuleCode.Stage.APPLICATION);
    }

    /** Which version of each rule of {@code stage} (and of the thresholds) decided. */
    public Map<String, Long> versions(RuleCode.Stage stage) {
        Map<String, Long> versions = new TreeMap<>();
        rules.forEach((code, setting) -> {
            if (code.runsAt(stage)) {
                versions.put(code.name(), setting.version());
            }
        });
        versions.put("DECISION_THRESHOLDS", thresholds.version());
        return versions;
    }
}
