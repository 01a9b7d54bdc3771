package com.lendflow.antifraud.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the rule book against the facts of one application. Pure: no clock, no database,
 * no thresholds of its own. Every enabled rule is checked; each that fires adds its weight to
 * the score and names its action. The result is REJECT if a fired rule asks for it or the score
 * reaches the reject threshold, REVIEW likewise, PASS otherwise.
 */
public final class RuleEngine {

    private RuleEngine() {
    }

    public static Verdict evaluate(Facts facts, RuleBook book) {
        List<FiredRule> fired = new ArrayList<>();
        for (RuleCode code : RuleCode.values()) {
            if (code.runsAt(RuleCode.Stage.APPLICATION)) {
                book.enabled(code).flatMap(setting -> check(setting, facts)).ifPresent(fired::add);
            }
        }
        int score = fired.stream().mapToInt(FiredRule::score).sum();
        return new Verdict(result(fired, score, book.thresholds()), score, fired);
    }

    /**
     * Evaluates the drawdown rules. There is no review at drawdown, so the result is PASS or REJECT:
     * REJECT when the score reaches the drawdown reject score, or a fired rule asks for REJECT, or
     * for REVIEW (only a rule shared with applications can: a review nobody will do counts as a
     * refusal, since the money would otherwise leave unchecked); PASS otherwise.
     */
    public static Verdict evaluate(DrawdownFacts facts, RuleBook book) {
        List<FiredRule> fired = new ArrayList<>();
        for (RuleCode code : RuleCode.values()) {
            if (code.runsAt(RuleCode.Stage.DRAWDOWN)) {
                book.enabled(code).flatMap(setting -> check(setting, facts)).ifPresent(fired::add);
            }
        }
        int score = fired.stream().mapToInt(FiredRule::score).sum();
        boolean reject = score >= book.thresholds().drawdownRejectScore()
                || fired.stream().anyMatch(rule -> rule.action() != RuleAction.NONE);
        return new Verdict(reject ? Result.REJECT : Result.PASS, score, fired);
    }

    private static Result result(List<FiredRule> fired, int score, DecisionThresholds thresholds) {
        if (score >= thresholds.rejectScore() || fired.stream().anyMatch(rule -> rule.action() == RuleAction.REJECT)) {
            return Result.REJECT;
        }
        if (score >= thresholds.reviewScore() || fired.stream().anyMatch(rule -> rule.action() == RuleAction.REVIEW)) {
            return Result.REVIEW;
        }
        return Result.PASS;
    }

    private static Optional<FiredRule> check(RuleSetting rule, Facts facts) {
        return switch (rule.code()) {
            case BLACKLISTED_ID_NUMBER -> when(facts.blacklisted().contains(Facts.BlacklistHit.ID_NUMBER), rule,
                    "the ID number matches a blacklist entry");
            case BLACKLISTED_MOBILE -> when(facts.blacklisted().contains(Facts.BlacklistHit.MOBILE), rule,
                    "the mobile matches a blacklist entry");
            case BLACKLISTED_DEVICE -> when(facts.blacklisted().contains(Facts.BlacklistHit.DEVICE), rule,
                    "the device id matches a blacklist entry");
            case BLACKLISTED_WIFI_MAC -> when(facts.blacklisted().contains(Facts.BlacklistHit.WIFI_MAC), rule,
                    "the Wi-Fi MAC matches a blacklist entry");
            case DEVICE_VELOCITY -> when(facts.deviceApplications() > rule.param("maxApplications"), rule,
                    "%d applications from this device within %d minutes, more than the %d allowed".formatted(
                            facts.deviceApplications(), rule.param("windowMinutes"), rule.param("maxApplications")));
            case IP_VELOCITY -> when(facts.ipApplications() > rule.param("maxApplications"), rule,
                    "%d applications from this IP address within %d minutes, more than the %d allowed".formatted(
                            facts.ipApplications(), rule.param("windowMinutes"), rule.param("maxApplications")));
            case DEVICE_SHARED_BY_IDENTITIES -> when(facts.identitiesOnDevice() > rule.param("maxIdentities"), rule,
                    "%d customers used this device, more than the %d allowed".formatted(
                            facts.identitiesOnDevice(), rule.param("maxIdentities")));
            case WIFI_MAC_SHARED_WITH_FRAUD -> when(facts.wifiMacSharedWithFraud(), rule,
                    "a known fraudster used the same Wi-Fi access point");
            case EMULATOR -> when(facts.emulator(), rule, "the app reported an emulator");
            case ROOTED_DEVICE -> when(facts.rooted(), rule, "the app reported a rooted or jailbroken device");
            case ID_NUMBER_CHECKSUM -> ResidentIdNumbers.defect(facts.idNumber()).map(defect -> fire(rule, defect));
            case AGE_OUT_OF_RANGE -> age(rule, facts);
            case FRAUD_GRAPH_PROXIMITY -> facts.fraudsterLink()
                    .filter(link -> link.hops() <= rule.param("maxHops"))
                    .map(link -> proximity(rule, link));
            case NEW_DEVICE, CARD_CHANGED_RECENTLY, DRAWDOWN_VELOCITY ->
                    throw new IllegalStateException(rule.code() + " is a drawdown rule");
        };
    }

    private static Optional<FiredRule> check(RuleSetting rule, DrawdownFacts facts) {
        return switch (rule.code()) {
            case BLACKLISTED_DEVICE -> when(facts.deviceBlacklisted(), rule, "the device id matches a blacklist entry");
            case NEW_DEVICE -> when(facts.deviceReported() && !facts.deviceSeenBefore(), rule,
                    "the customer has not used this device before");
            case CARD_CHANGED_RECENTLY -> cardChanged(rule, facts);
            case DRAWDOWN_VELOCITY -> when(facts.drawdownsInWindow() > rule.param("maxDrawdowns"), rule,
                    "%d drawdowns by this customer within %d minutes, more than the %d allowed".formatted(
                            facts.drawdownsInWindow(), rule.param("windowMinutes"), rule.param("maxDrawdowns")));
            default -> throw new IllegalStateException(rule.code() + " is not a drawdown rule");
        };
    }

    private static Optional<FiredRule> cardChanged(RuleSetting rule, DrawdownFacts facts) {
        if (!facts.cardReported() || !facts.lastDrawdownCardDiffers() || facts.cardFirstSeenAt().isEmpty()) {
            return Optional.empty();
        }
        int withinDays = rule.param("withinDays");
        Duration age = Duration.between(facts.cardFirstSeenAt().get(), facts.requestedAt());
        String since = age.toDays() >= 1 ? age.toDays() + " day(s)" : age.toHours() + " hour(s)";
        return when(age.compareTo(Duration.ofDays(withinDays)) <= 0, rule,
                "the card differs from the customer's last drawdown card and was first used for a drawdown %s ago, within %d day(s)"
                        .formatted(since, withinDays));
    }

    private static Optional<FiredRule> age(RuleSetting rule, Facts facts) {
        // An unreadable birth date is ID_NUMBER_CHECKSUM's finding; age is judged only on a real date.
        Optional<LocalDate> birth = ResidentIdNumbers.birthDate(facts.idNumber());
        if (birth.isEmpty() || ResidentIdNumbers.defect(facts.idNumber()).isPresent()) {
            return Optional.empty();
        }
        int age = ResidentIdNumbers.ageOn(birth.get(), facts.applicationDate());
        int min = rule.param("minAge");
        int max = rule.param("maxAge");
        return when(age < min || age > max, rule,
                "the applicant is %d on the application date, outside %d to %d".formatted(age, min, max));
    }

    /** Nearer is worse: the full weight at one hop (or for a fraudster applying), shrinking linearly to 1/K at K hops. */
    private static FiredRule proximity(RuleSetting rule, Facts.FraudsterLink link) {
        int maxHops = rule.param("maxHops");
        int hops = Math.max(link.hops(), 1);
        int score = rule.weight() * (maxHops + 1 - hops) / maxHops;
        String reason = link.hops() == 0
                ? "the applicant is a known fraudster"
                : "a known fraudster is %d hop(s) away, first linked through a shared %s (searched up to %d hops)"
                        .formatted(link.hops(), link.via(), maxHops);
        return new FiredRule(rule.code(), score, rule.action(), reason);
    }

    private static Optional<FiredRule> when(boolean condition, RuleSetting rule, String reason) {
        return condition ? Optional.of(fire(rule, reason)) : Optional.empty();
    }

    private static FiredRule fire(RuleSetting rule, String reason) {
        return new FiredRule(rule.code(), rule.weight(), rule.action(), reason);
    }
}
