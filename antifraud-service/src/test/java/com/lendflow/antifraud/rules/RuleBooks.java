package com.lendflow.antifraud.rules;

import java.util.EnumMap;
import java.util.Map;

/** Object Mother for rule books: the defaults the V2 and V6 migrations seed, and variations of them. */
final class RuleBooks {

    private RuleBooks() {
    }

    static RuleBook defaults() {
        Map<RuleCode, RuleSetting> rules = new EnumMap<>(RuleCode.class);
        put(rules, RuleCode.BLACKLISTED_ID_NUMBER, Map.of(), 100, RuleAction.REJECT);
        put(rules, RuleCode.BLACKLISTED_MOBILE, Map.of(), 100, RuleAction.REJECT);
        put(rules, RuleCode.BLACKLISTED_DEVICE, Map.of(), 100, RuleAction.REJECT);
        put(rules, RuleCode.BLACKLISTED_WIFI_MAC, Map.of(), 60, RuleAction.REVIEW);
        put(rules, RuleCode.DEVICE_VELOCITY, Map.of("maxApplications", 3, "windowMinutes", 1440), 40, RuleAction.REVIEW);
        put(rules, RuleCode.IP_VELOCITY, Map.of("maxApplications", 10, "windowMinutes", 60), 30, RuleAction.REVIEW);
        put(rules, RuleCode.DEVICE_SHARED_BY_IDENTITIES, Map.of("maxIdentities", 2), 40, RuleAction.REVIEW);
        put(rules, RuleCode.WIFI_MAC_SHARED_WITH_FRAUD, Map.of(), 50, RuleAction.REVIEW);
        put(rules, RuleCode.EMULATOR, Map.of(), 80, RuleAction.REJECT);
        put(rules, RuleCode.ROOTED_DEVICE, Map.of(), 15, RuleAction.NONE);
        put(rules, RuleCode.ID_NUMBER_CHECKSUM, Map.of(), 100, RuleAction.REJECT);
        put(rules, RuleCode.AGE_OUT_OF_RANGE, Map.of("minAge", 18, "maxAge", 55), 100, RuleAction.REJECT);
        put(rules, RuleCode.FRAUD_GRAPH_PROXIMITY, Map.of("maxHops", 3, "maxNodeDegree", 50), 60, RuleAction.NONE);
        put(rules, RuleCode.NEW_DEVICE, Map.of(), 30, RuleAction.NONE);
        put(rules, RuleCode.CARD_CHANGED_RECENTLY, Map.of("withinDays", 7), 30, RuleAction.NONE);
        put(rules, RuleCode.DRAWDOWN_VELOCITY, Map.of("maxDrawdowns", 5, "windowMinutes", 1440), 60, RuleAction.NONE);
        return new RuleBook(rules, new DecisionThresholds(50, 100, 60, 1));
    }

    static RuleBook with(RuleBook book, RuleSetting setting) {
        Map<RuleCode, RuleSetting> rules = new EnumMap<>(book.rules());
        rules.put(setting.code(), setting);
        return new RuleBook(rules, book.thresholds());
    }

    static RuleBook with(RuleBook book, DecisionThresholds thresholds) {
        return new RuleBook(book.rules(), thresholds);
    }

    private static void put(Map<RuleCode, RuleSetting> rules, RuleCode code, Map<String, Integer> params, int weight,
                            RuleAction action) {
        rules.put(code, new RuleSetting(code, true, params, weight, action, 1));
    }
}
