package com.lendflow.antifraud.rulebook;

import com.lendflow.antifraud.rules.RuleAction;
import com.lendflow.antifraud.rules.RuleCode;
import java.util.Map;

/** Change one rule's setting, if it is still at {@code expectedVersion}. */
record ChangeRule(RuleCode code, boolean enabled, Map<String, Integer> params, int weight, RuleAction action,
                  long expectedVersion, String reason) {
}
