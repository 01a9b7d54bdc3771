package com.lendflow.antifraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.antifraud.IdNumbers;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RuleEngineTest {

    static final LocalDate APPLIED = LocalDate.of(2026, 3, 15);
    final RuleBook defaults = RuleBooks.defaults();

    static Facts ordinary() {
        return new Facts(APPLIED, IdNumbers.bornOn(LocalDate.of(1990, 5, 20)), Set.of(), 1, 1, 1, false, false, false,
                Optional.empty());
    }

    static Facts.FraudsterLink hops(int hops) {
        return new Facts.FraudsterLink(hops, "DEVICE");
    }

    @Test
    void anOrdinaryApplicantPassesWithNothingFired() {
        Verdict verdict = RuleEngine.evaluate(ordinary(), defaults);
        assertThat(verdict.result()).isEqualTo(Result.PASS);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.firedRules()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Facts.BlacklistHit.class)
    void eachBlacklistedIdentifierFiresItsOwnRule(Facts.BlacklistHit hit) {
        Facts f = ordinary();
        Facts facts = new Facts(f.applicationDate(), f.idNumber(), Set.of(hit), 1, 1, 1, false, false, false, Optional.empty());
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes()).containsExactly("BLACKLISTED_" + hit.name());
        assertThat(verdict.result()).isEqualTo(hit == Facts.BlacklistHit.WIFI_MAC ? Result.REVIEW : Result.REJECT);
    }

    @ParameterizedTest(name = "{0} applications from one device: fires {1}")
    @CsvSource({"3, false", "4, true"})
    void deviceVelocityFiresAboveItsThreshold(int applications, boolean fires) {
        Facts f = ordinary();
        Facts facts = new Facts(APPLIED, f.idNumber(), Set.of(), applications, 1, 1, false, false, false, Optional.empty());
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes().contains("DEVICE_VELOCITY")).isEqualTo(fires);
        if (fires) {
            assertThat(verdict.result()).isEqualTo(Result.REVIEW);
            assertThat(verdict.firedRules().getFirst().reason()).contains("4 applications").contains("1440 minutes");
        }
    }

    @ParameterizedTest(name = "{0} applications from one IP: fires {1}")
    @CsvSource({"10, false", "11, true"})
    void ipVelocityFiresAboveItsThreshold(int applications, boolean fires) {
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, applications, 1, false, false, false, Optional.empty());
        assertThat(RuleEngine.evaluate(facts, defaults).firedCodes().contains("IP_VELOCITY")).isEqualTo(fires);
    }

    @ParameterizedTest(name = "{0} identities on one device: fires {1}")
    @CsvSource({"2, false", "3, true"})
    void aDeviceSharedByTooManyIdentitiesFires(int identities, boolean fires) {
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, identities, false, false, false, Optional.empty());
        assertThat(RuleEngine.evaluate(facts, defaults).firedCodes().contains("DEVICE_SHARED_BY_IDENTITIES")).isEqualTo(fires);
    }

    @Test
    void thresholdsComeFromTheRuleBook() {
        RuleBook stricter = RuleBooks.with(defaults, new RuleSetting(RuleCode.DEVICE_VELOCITY, true,
                Map.of("maxApplications", 1, "windowMinutes", 60), 40, RuleAction.REVIEW, 2));
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 2, 1, 1, false, false, false, Optional.empty());
        assertThat(RuleEngine.evaluate(facts, defaults).firedCodes()).isEmpty();
        assertThat(RuleEngine.evaluate(facts, stricter).firedCodes()).containsExactly("DEVICE_VELOCITY");
    }

    @Test
    void aDisabledRuleNeverFires() {
        RuleBook withoutEmulator = RuleBooks.with(defaults, new RuleSetting(RuleCode.EMULATOR, false, Map.of(), 80,
                RuleAction.REJECT, 2));
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, false, true, false, Optional.empty());
        assertThat(RuleEngine.evaluate(facts, defaults).result()).isEqualTo(Result.REJECT);
        assertThat(RuleEngine.evaluate(facts, withoutEmulator).result()).isEqualTo(Result.PASS);
    }

    @Test
    void emulatorRejectsAndRootOnlyAddsScore() {
        Facts emulator = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, false, true, false, Optional.empty());
        Facts rooted = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, false, false, true, Optional.empty());
        assertThat(RuleEngine.evaluate(emulator, defaults).result()).isEqualTo(Result.REJECT);
        Verdict rootedVerdict = RuleEngine.evaluate(rooted, defaults);
        assertThat(rootedVerdict.result()).isEqualTo(Result.PASS);
        assertThat(rootedVerdict.score()).isEqualTo(15);
        assertThat(rootedVerdict.firedCodes()).containsExactly("ROOTED_DEVICE");
    }

    @Test
    void aWifiAccessPointOfAKnownFraudsterSendsToReview() {
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, true, false, false, Optional.empty());
        Verdict verdict = RuleEngine.evaluate(facts, defaults);
        assertThat(verdict.firedCodes()).containsExactly("WIFI_MAC_SHARED_WITH_FRAUD");
        assertThat(verdict.result()).isEqualTo(Result.REVIEW);
    }

    @Test
    void scoresAddUpToTheReviewThreshold() {
        // Rooted (15) + IP velocity (30, REVIEW) would review anyway; rooted + a 40-point NONE rule reaches 55 >= 50.
        RuleBook quietVelocity = RuleBooks.with(defaults, new RuleSetting(RuleCode.DEVICE_VELOCITY, true,
                Map.of("maxApplications", 3, "windowMinutes", 1440), 40, RuleAction.NONE, 2));
        Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 9, 1, 1, false, false, true, Optional.empty());
        Verdict verdict = RuleEngine.evaluate(facts, quietVelocity);
        assertThat(verdict.score()).isEqualTo(55);
        assertThat(verdict.result()).isEqualTo(Result.REVIEW);
        assertThat(RuleEngine.evaluate(facts, RuleBooks.with(quietVelocity, new DecisionThresholds(60, 100, 60, 2))).result())
                .isEqualTo(Result.PASS);
        assertThat(RuleEngine.evaluate(facts, RuleBooks.with(quietVelocity, new DecisionThresholds(20, 55, 60, 2))).result())
                .isEqualTo(Result.REJECT);
    }

    @Nested
    class IdNumberChecksum {

        @ParameterizedTest
        @CsvSource({"11010519491231002X", "110105194912310029"})
        void theStandardsExampleHasCheckCharacterX(String id) {
            assertThat(ResidentIdNumbers.checkCharacter("11010519491231002")).contains('X');
            assertThat(ResidentIdNumbers.defect(id).isEmpty()).isEqualTo(id.endsWith("X"));
        }

        @Test
        void aLowerCaseXIsTheSameCheckCharacter() {
            assertThat(ResidentIdNumbers.defect("11010519491231002x")).isEmpty();
        }

        @Test
        void aWrongCheckCharacterRejectsWithoutRepeatingTheNumber() {
            String wrong = IdNumbers.withWrongCheckCharacter();
            Facts facts = new Facts(APPLIED, wrong, Set.of(), 1, 1, 1, false, false, false, Optional.empty());
            Verdict verdict = RuleEngine.evaluate(facts, defaults);
            assertThat(verdict.firedCodes()).containsExactly("ID_NUMBER_CHECKSUM");
            assertThat(verdict.result()).isEqualTo(Result.REJECT);
            assertThat(verdict.toString()).doesNotContain(wrong).doesNotContain(wrong.substring(0, 17));
        }

        @ParameterizedTest
        @CsvSource({"1101011990052012", "11010119900520123X1", "1101011990O520123X", "''"})
        void malformedNumbersFailTheCheck(String id) {
            assertThat(ResidentIdNumbers.defect(id)).isPresent();
        }

        @Test
        void aValidCheckCharacterOnAnImpossibleDateFails() {
            String first17 = "11010119900230123";
            String id = first17 + ResidentIdNumbers.checkCharacter(first17).orElseThrow();
            assertThat(ResidentIdNumbers.defect(id)).hasValueSatisfying(d -> assertThat(d).contains("birth date"));
        }
    }

    @Nested
    class Age {

        @ParameterizedTest(name = "born {0}: age out of range {1}")
        @CsvSource({
                "2008-03-15, false",  // 18 today
                "2008-03-16, true",   // 18 tomorrow: still 17
                "1970-03-16, false",  // 55, turns 56 tomorrow
                "1970-03-15, true",   // 56 today
                "1990-05-20, false"})
        void ageIsCountedInWholeYearsOnTheApplicationDate(LocalDate birth, boolean fires) {
            Facts facts = new Facts(APPLIED, IdNumbers.bornOn(birth), Set.of(), 1, 1, 1, false, false, false, Optional.empty());
            Verdict verdict = RuleEngine.evaluate(facts, defaults);
            assertThat(verdict.firedCodes().contains("AGE_OUT_OF_RANGE")).isEqualTo(fires);
            assertThat(verdict.result()).isEqualTo(fires ? Result.REJECT : Result.PASS);
        }

        @Test
        void theRangeComesFromTheRuleBook() {
            RuleBook upTo60 = RuleBooks.with(defaults, new RuleSetting(RuleCode.AGE_OUT_OF_RANGE, true,
                    Map.of("minAge", 22, "maxAge", 60), 100, RuleAction.REJECT, 2));
            Facts fiftyEight = new Facts(APPLIED, IdNumbers.bornOn(LocalDate.of(1968, 1, 1)), Set.of(), 1, 1, 1, false,
                    false, false, Optional.empty());
            Facts twenty = new Facts(APPLIED, IdNumbers.bornOn(LocalDate.of(2006, 1, 1)), Set.of(), 1, 1, 1, false,
                    false, false, Optional.empty());
            assertThat(RuleEngine.evaluate(fiftyEight, defaults).firedCodes()).contains("AGE_OUT_OF_RANGE");
            assertThat(RuleEngine.evaluate(fiftyEight, upTo60).firedCodes()).doesNotContain("AGE_OUT_OF_RANGE");
            assertThat(RuleEngine.evaluate(twenty, upTo60).firedCodes()).contains("AGE_OUT_OF_RANGE");
        }
    }

    @Nested
    class FraudGraph {

        @ParameterizedTest(name = "fraudster {0} hop(s) away adds {1}")
        @CsvSource({"1, 60", "2, 40", "3, 20"})
        void nearerFraudstersWeighMore(int hops, int score) {
            Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, false, false, false,
                    Optional.of(hops(hops)));
            Verdict verdict = RuleEngine.evaluate(facts, defaults);
            assertThat(verdict.firedCodes()).containsExactly("FRAUD_GRAPH_PROXIMITY");
            assertThat(verdict.score()).isEqualTo(score);
            assertThat(verdict.result()).isEqualTo(score >= 50 ? Result.REVIEW : Result.PASS);
        }

        @Test
        void aFraudsterBeyondKHopsDoesNotCount() {
            Facts facts = new Facts(APPLIED, ordinary().idNumber(), Set.of(), 1, 1, 1, false, false, false,
                    Optional.of(hops(4)));
            assertThat(RuleEngine.evaluate(facts, defaults).firedCodes()).isEmpty();
        }
    }

    @Nested
    class Settings {

        @Test
        void parametersAreCheckedAgainstTheRulesSpec() {
            RuleSetting bad = new RuleSetting(RuleCode.DEVICE_VELOCITY, true, Map.of("maxApplications", 0, "colour", 3),
                    2000, RuleAction.REVIEW, 1);
            assertThat(bad.problems()).extracting(RuleSetting.Problem::field)
                    .containsExactlyInAnyOrder("weight", "params.colour", "params.maxApplications", "params.windowMinutes");
        }

        @Test
        void aMinimumAgeAboveTheMaximumIsRefused() {
            RuleSetting bad = new RuleSetting(RuleCode.AGE_OUT_OF_RANGE, true, Map.of("minAge", 60, "maxAge", 55), 100,
                    RuleAction.REJECT, 1);
            assertThat(bad.problems()).extracting(RuleSetting.Problem::field).containsExactly("params.minAge");
        }

        @Test
        void theSeededDefaultsAreValid() {
            RuleBooks.defaults().rules().values().forEach(rule -> assertThat(rule.problems()).as(rule.code().name()).isEmpty());
            assertThat(RuleBooks.defaults().thresholds().problems()).isEmpty();
        }
    }
}
