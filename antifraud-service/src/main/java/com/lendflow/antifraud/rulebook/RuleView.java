package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.rules.ParameterSpec;
import com.lendflow.antifraud.rules.RuleAction;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.antifraud.rules.RuleSetting;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A rule as ops staff see it: its setting, what it means, when it runs and which parameters it takes. */
public record RuleView(String code, String description, List<RuleCode.Stage> stages, boolean enabled,
                       Map<String, Integer> params, int weight, RuleAction action, long version,
                       List<ParameterSpec> parameterSpecs, Instant updatedAt, String updatedBy) {

    static RuleView of(Rules.Stored stored) {
        RuleSetting s = stored.setting();
        return new RuleView(s.code().name(), s.code().description(), s.code().stages(), s.enabled(), s.params(),
                s.weight(), s.action(), s.version(), s.code().parameters(), stored.updatedAt(), stored.updatedBy());
    }

    /** What the audit trail keeps of a rule: its setting, nothing else. */
    static Map<String, Object> snapshot(RuleSetting s) {
        return Map.of("enabled", s.enabled(), "params", s.params(), "weight", s.weight(), "action", s.action().name(),
                "version", s.version());
    }
}
