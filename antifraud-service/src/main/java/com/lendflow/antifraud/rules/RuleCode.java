package com.lendflow.antifraud.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules antifraud-service knows how to evaluate. What each rule checks is code; whether it is
 * on, its parameters, its weight and its action are rows of the rule table. Each rule runs at the
 * stages it names: a credit-line application, a drawdown, or both (the device blacklist).
 */
public enum RuleCode {
    BLACKLISTED_ID_NUMBER("the applicant's ID number is on the blacklist"),
    BLACKLISTED_MOBILE("the applicant's mobile is on the blacklist"),
    BLACKLISTED_DEVICE(Set.of(Stage.APPLICATION, Stage.DRAWDOWN), "the device is on the blacklist"),
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
                    "a device, mobile, Wi-Fi or card shared by more customers than this is a hub (a cafe's Wi-Fi) and not followed")),
    NEW_DEVICE(Set.of(Stage.DRAWDOWN), "the drawdown comes from a device this customer has not used before"),
    CARD_CHANGED_RECENTLY(Set.of(Stage.DRAWDOWN),
            "the drawdown goes to a card other than the customer's last drawdown card, first seen within N days",
            new ParameterSpec("withinDays", 1, 365, "N: a card first seen this many days ago or less counts as new")),
    DRAWDOWN_VELOCITY(Set.of(Stage.DRAWDOWN), "more drawdowns by one customer within a window than allowed",
            new ParameterSpec("maxDrawdowns", 1, 1000, "drawdowns allowed to one customer in the window"),
            new ParameterSpec("windowMinutes", 1, 525_600, "length of the window in minutes"));

    /** When a rule runs: assessing a credit-line application, or a drawdown from an existing line. */
    public enum Stage {
        APPLICATION,
        DRAWDOWN
    }

    private final Set<Stage> stages;
    private final String description;
    private final List<ParameterSpec> parameters;

    RuleCode(String description, ParameterSpec... parameters) {
        this(Set.of(Stage.APPLICATION), description, parameters);
    }

    RuleCode(Set<Stage> stages, String description, ParameterSpec... parameters) {
        this.stages = Set.copyOf(stages);
        this.description = description;
        this.parameters = List.of(parameters);
    }

    public boolean runsAt(Stage stage) {
        return stages.contains(stage);
    }

    /** Only at drawdown: no manual review exists there, so such a rule may not ask for one. */
    public boolean drawdownOnly() {
        return stages.equals(Set.of(Stage.DRAWDOWN));
    }

    public List<Stage> stages() {
        return Arrays.stream(Stage.values()).filter(stages::contains).toList();
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
