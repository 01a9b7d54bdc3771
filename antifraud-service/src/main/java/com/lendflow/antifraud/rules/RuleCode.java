package com.lendflow.antifraud.rules;

import java.util.List;
import java.util.Optional;

/**
 * The rules antifraud-service knows how to evaluate. What each rule checks is code; whether it is
 * on, its parameters, its weight and its action are rows of the rule table.
 */
public enum RuleCode {
    BLACKLISTED_ID_NUMBER("the applicant's ID number is on the blacklist"),
    BLACKLISTED_MOBILE("the applicant's mobile is on the blacklist"),
    BLACKLISTED_DEVICE("the device is on the blacklist"),
    BLACKLISTED_WIFI_MAC("the Wi-Fi access point is on the blacklist"),
    DEVICE_VELOCITY("too many applications from one device within a window",
            new ParameterSpec("maxApplications", 1, 1000, "applications allowed from one device in the window"),
            new ParameterSpec("windowMinutes", 1, 525_600, "length of the window in minutes")),
    IP_VELOCITY("too many applications from one IP address within a window",
            new ParameterSpec("maxApplications", 1, 10_000, "applications allowed from one IP address in the window"),
            new ParameterSpec("windowMinutes", 1, 525_600, "length of the window in minutes")),
    DEVICE_SHARED_BY_IDENTITIES("one device used by more identities than allowed",
            new ParameterSpec("maxIdentities", 1, 100, "customers allowed on one device")),
    WIFI_MAC_SHARED_WITH_FRAUD("the Wi-Fi access point was used by a known fraudster"),
    EMULATOR("the app runs on an emulator"),
    ROOTED_DEVICE("the device is rooted or jailbroken"),
    ID_NUMBER_CHECKSUM("the ID number fails the GB 11643 structure or mod-11 check character"),
    AGE_OUT_OF_RANGE("the applicant's age, from the ID number's birth date, is outside the allowed range",
            new ParameterSpec("minAge", 0, 120, "youngest allowed age in whole years"),
            new ParameterSpec("maxAge", 0, 120, "oldest allowed age in whole years")),
    FRAUD_GRAPH_PROXIMITY("linked within K hops to a known fraudster through shared device, mobile, Wi-Fi or bank card",
            new ParameterSpec("maxHops", 1, 4, "K: how many customer-to-customer hops to search"),
            new ParameterSpec("maxNodeDegree", 2, 1000,
                    "a device, mobile, Wi-Fi or card shared by more customers than this is a hub (a cafe's Wi-Fi) and not followed"));

    private final String description;
    private final List<ParameterSpec> parameters;

    RuleCode(String description, ParameterSpec... parameters) {
        this.description = description;
        this.parameters = List.of(parameters);
    }

    public String description() {
        return description;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<RuleCode> parse(String code) {
        for (RuleCode rule : values()) {
            if (rule.name().equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
