package com.lendflow.antifraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The drawdown rules on their own: PASS or REJECT, never a review. */
class DrawdownRulesTest {

    static final Instant NOW = Instant.parse("2026-03-15T02:00:00Z");
    final RuleBook defaults = RuleBooks.defaults();

    /** A drawdown from a device the customer used before, to the card of their last drawdown, their first today. */
    static DrawdownFacts usual() {
        return new DrawdownFacts(true, true, false, true, false, Optional.of(NOW.minus(Duration.ofDays(90))), NOW, 1);
    }

    static DrawdownFacts fromNewPhone(boolean toNewCard) {
        return new DrawdownFacts(true, false, false, true, toNewCard, Optional.of(toNewCard ? NOW : NOW.minus(Duration.ofDays(90))),
                NOW, 1);
    }

    @Test
    void theUsualDrawdownPassesWithNothingFired() {
        Verdict verdict = RuleEngine.evaluate(usual(), defaults);
        assertThat(verdict.result()).isEqualTo(Result.PASS);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.firedRules()).isEmpty();
    }

    @Test
    void aNewPhoneAlonePassesWithItsScore() {
        Verdict verdict = RuleEngine.evaluate(fromNewPhone(false), defaults);
        assertThat(verdict.firedCodes()).containsExactly("NEW_DEVICE");
        assertThat(verdict.score()).isEqualTo(30);
        assertThat(verdict.result()).isEqualTo(Result.PASS);
    }

    @Test
    void aNewPhoneSendingToANewCardReachesTheDrawdownRejectScore() {
        Verdict verdict = RuleEngine.evaluate(fromNewPhone(true), defaults);
        assertThat(verdict.firedCodes()).containsExactly("NEW_DEVICE", "CARD_CHANGED_RECENTLY");
        assertThat(verdict.score()).isEqualTo(60);
        assertThat(verdict.result()).isEqualTo(Result.REJECT);
    }

    @Test
    void theDrawdownRejectScoreComesFromTheRuleBookNotTheApplicationThresholds() {
        RuleBook lenient = RuleBooks.with(defaults, new DecisionThresholds(50, 100, 61, 2));
        RuleBook strict = RuleBooks.with(defaults, new DecisionThresholds(50, 100, 30, 2));
        assertThat(RuleEngine.evaluate(fromNewPhone(true), lenient).result()).isEqualTo(Result.PASS);
        assertThat(RuleEngine.evaluate(fromNewPhone(false), strict).result()).isEqualTo(Result.REJECT);
    }

    @ParameterizedTest(name = "card first used {0} days before: fires {1}")
    @CsvSource({"0, true", "7, true", "8, false"})
    void aChangedCardCountsOnlyWithinItsDays(int daysAgo, boolean fires) {
        DrawdownFacts facts = new DrawdownFacts(true, true, false, true, true,
                Optional.of(NOW.minus(Duration.ofDays(daysAgo))), NOW, 1);
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes().contains("CARD_CHANGED_RECENTLY")).isEqualTo(fires);
        if (fires) {
            assertThat(verdict.firedRules().getFirst().reason()).contains("within 7 day(s)");
        }
    }

    @Test
    void theSameCardAsLastTimeIsNoChangeHoweverNew() {
        DrawdownFacts facts = new DrawdownFacts(true, true, false, true, false, Optional.of(NOW), NOW, 1);
        assertThat(RuleEngine.evaluate(facts, defaults).firedCodes()).isEmpty();
    }

    @Test
    void withoutADeviceIdNewDeviceCannotJudge() {
        DrawdownFacts facts = new DrawdownFacts(false, false, false, true, false, Optional.of(NOW), NOW, 1);
        assertThat(RuleEngine.evaluate(facts, defaults).firedCodes()).isEmpty();
    }

    @ParameterizedTest(name = "{0} drawdowns in the window: fires {1}")
    @CsvSource({"5, false", "6, true"})
    void drawdownVelocityFiresAboveItsThresholdAndRejectsOnItsOwn(int drawdowns, boolean fires) {
        DrawdownFacts facts = new DrawdownFacts(true, true, false, true, false, Optional.of(NOW), NOW, drawdowns);
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes().contains("DRAWDOWN_VELOCITY")).isEqualTo(fires);
        assertThat(verdict.result()).isEqualTo(fires ? Result.REJECT : Result.PASS);
        if (fires) {
            assertThat(verdict.firedRules().getFirst().reason()).contains("6 drawdowns").contains("1440 minutes");
        }
    }

    @Test
    void aBlacklistedDeviceRejectsAndOnlyTheDeviceBlacklistRunsAtDrawdown() {
        DrawdownFacts facts = new DrawdownFacts(true, true, true, true, false, Optional.of(NOW), NOW, 1);
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes()).containsExactly("BLACKLISTED_DEVICE");
        assertThat(verdict.result()).isEqualTo(Result.REJECT);
    }

    @Test
    void aSharedRuleAskingForReviewRejectsAtDrawdownWhereNobodyReviews() {
        RuleBook reviewDevices = RuleBooks.with(defaults, new RuleSetting(RuleCode.BLACKLISTED_DEVICE, true, Map.of(), 10,
                RuleAction.REVIEW, 2));
        DrawdownFacts facts = new DrawdownFacts(true, true, true, true, false, Optional.of(NOW), NOW, 1);
        Verdict verdict = RuleEngine.evaluate(facts, reviewDevices);
        assertThat(verdict.score()).isEqualTo(10);
        assertThat(verdict.result()).isEqualTo(Result.REJECT);
    }

    @Test
    void aDrawdownRuleMayNotAskForAReview() {
        RuleSetting review = new RuleSetting(RuleCode.NEW_DEVICE, true, Map.of(), 30, RuleAction.REVIEW, 1);
        assertThat(review.problems()).extracting(RuleSetting.Problem::field).containsExactly("action");
        assertThat(new RuleSetting(RuleCode.NEW_DEVICE, true, Map.of(), 30, RuleAction.REJECT, 1).problems()).isEmpty();
    }

    @Test
    void drawdownRulesNeverRunOnAnApplication() {
        Verdict verdict = RuleEngine.evaluate(RuleEngineTest.ordinary(), defaults);
        assertThat(verdict.firedRules()).isEmpty();
        assertThat(defaults.versions()).doesNotContainKeys("NEW_DEVICE", "CARD_CHANGED_RECENTLY", "DRAWDOWN_VELOCITY");
        assertThat(defaults.versions(RuleCode.Stage.DRAWDOWN)).containsOnlyKeys("BLACKLISTED_DEVICE", "NEW_DEVICE",
                "CARD_CHANGED_RECENTLY", "DRAWDOWN_VELOCITY", "DECISION_THRESHOLDS");
    }
}
