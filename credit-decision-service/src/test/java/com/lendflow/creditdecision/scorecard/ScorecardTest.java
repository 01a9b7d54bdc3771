package com.lendflow.creditdecision.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launch scorecard (V3 migration), scored by hand. */
class ScorecardTest {

    static final Scorecard LAUNCH = new Scorecard(1, 0,
            List.of(knockout("CURRENTLY_OVERDUE", Characteristic.OVERDUE_ACCOUNTS, "1", null, "BUREAU_SERIOUS_DELINQUENCY"),
                    knockout("SERIOUS_DELINQUENCY", Characteristic.WORST_DAYS_PAST_DUE_24M, "90", null,
                            "BUREAU_SERIOUS_DELINQUENCY"),
                    knockout("TOO_MANY_INQUIRIES", Characteristic.INQUIRIES_3M, "7", null, "BUREAU_TOO_MANY_INQUIRIES"),
                    knockout("TOO_OLD", Characteristic.APPLICANT_AGE, "61", null, "AGE_OUT_OF_RANGE"),
                    knockout("TOO_YOUNG", Characteristic.APPLICANT_AGE, null, "18", "AGE_OUT_OF_RANGE")),
            List.of(bin(Characteristic.WORST_DAYS_PAST_DUE_24M, null, "1", 60), bin(Characteristic.WORST_DAYS_PAST_DUE_24M, "1", "30", 30),
                    bin(Characteristic.WORST_DAYS_PAST_DUE_24M, "30", null, 5),
                    bin(Characteristic.INQUIRIES_3M, null, "2", 40), bin(Characteristic.INQUIRIES_3M, "2", "4", 25),
                    bin(Characteristic.INQUIRIES_3M, "4", null, 5),
                    bin(Characteristic.TOTAL_DEBT, null, "10000", 50), bin(Characteristic.TOTAL_DEBT, "10000", "50000", 35),
                    bin(Characteristic.TOTAL_DEBT, "50000", "200000", 15), bin(Characteristic.TOTAL_DEBT, "200000", null, 0),
                    bin(Characteristic.FRAUD_SCORE, null, "1", 40), bin(Characteristic.FRAUD_SCORE, "1", "30", 25),
                    bin(Characteristic.FRAUD_SCORE, "30", "60", 10), bin(Characteristic.FRAUD_SCORE, "60", null, 0),
                    bin(Characteristic.APPLICANT_AGE, null, "23", 10), bin(Characteristic.APPLICANT_AGE, "23", "30", 25),
                    bin(Characteristic.APPLICANT_AGE, "30", "46", 40), bin(Characteristic.APPLICANT_AGE, "46", "56", 30),
                    bin(Characteristic.APPLICANT_AGE, "56", null, 15)),
            List.of(new Band(Grade.E, 80), new Band(Grade.A, 200), new Band(Grade.C, 140), new Band(Grade.B, 170),
                    new Band(Grade.D, 110)));

    @Test
    void aCleanThirtySixYearOldWithLittleDebtIsGradeA() {
        // 60 (never late) + 40 (1 inquiry) + 35 (debt 12,300) + 40 (fraud 0) + 40 (age 36) = 215 → A (200 to 230).
        Scored scored = LAUNCH.score(new Applicant(0, 0, 1, 2, new BigDecimal("12300.00"), 0, 36));

        assertThat(scored.approved()).isTrue();
        assertThat(scored.score()).isEqualTo(215);
        assertThat(scored.grade()).isEqualTo(Grade.A);
        assertThat(scored.bandMin()).isEqualTo(200);
        assertThat(scored.bandTop()).isEqualTo(230);
        assertThat(scored.points()).containsEntry(Characteristic.TOTAL_DEBT, 35).containsEntry(Characteristic.APPLICANT_AGE, 40);
        assertThat(scored.reasons()).anyMatch(r -> r.contains("Total outstanding debt (CNY) 12300 is in the bin 10000 to under 50000: 35 points"));
    }

    @Test
    void aYoungApplicantWithSomeLateHistoryLandsInGradeE() {
        // 30 (worst 15 days late) + 25 (3 inquiries) + 15 (debt 60,000) + 25 (fraud 20) + 10 (age 21) = 105:
        // below D (110), at least E (80) → E, whose band runs 80 to 110.
        Scored scored = LAUNCH.score(new Applicant(15, 0, 3, 5, new BigDecimal("60000"), 20, 21));

        assertThat(scored.score()).isEqualTo(105);
        assertThat(scored.grade()).isEqualTo(Grade.E);
        assertThat(scored.bandTop()).isEqualTo(110);
    }

    @Test
    void aScoreBelowTheLowestBandIsRejectedForLowScore() {
        // 5 (worst 45 days late) + 5 (5 inquiries) + 0 (debt 250,000) + 0 (fraud 70) + 10 (age 20) = 20 < 80.
        Scored scored = LAUNCH.score(new Applicant(45, 0, 5, 6, new BigDecimal("250000"), 70, 20));

        assertThat(scored.approved()).isFalse();
        assertThat(scored.score()).isEqualTo(20);
        assertThat(scored.reasonCode()).isEqualTo(Scored.LOW_SCORE);
        assertThat(scored.grade()).isNull();
    }

    @Test
    void ninetyDaysPastDueKnocksOutWhateverTheScore() {
        // Would score 5 + 40 + 50 + 40 + 40 = 175 (B), but 90 days past due is a knock-out.
        Scored scored = LAUNCH.score(new Applicant(90, 0, 0, 0, BigDecimal.ZERO, 0, 36));

        assertThat(scored.approved()).isFalse();
        assertThat(scored.score()).isEqualTo(175);
        assertThat(scored.reasonCode()).isEqualTo("BUREAU_SERIOUS_DELINQUENCY");
        assertThat(scored.reasons()).anyMatch(r -> r.contains("SERIOUS_DELINQUENCY") && r.contains("is 90, at or above 90"));
    }

    @Test
    void anyAccountOverdueNowKnocksOut() {
        assertThat(LAUNCH.score(new Applicant(0, 1, 0, 0, BigDecimal.ZERO, 0, 36)).reasonCode())
                .isEqualTo("BUREAU_SERIOUS_DELINQUENCY");
    }

    @Test
    void sevenInquiriesInThreeMonthsKnockOutAndSixDoNot() {
        assertThat(LAUNCH.score(new Applicant(0, 0, 7, 7, BigDecimal.ZERO, 0, 36)).reasonCode())
                .isEqualTo("BUREAU_TOO_MANY_INQUIRIES");
        // 60 + 5 + 50 + 40 + 40 = 195 → B.
        assertThat(LAUNCH.score(new Applicant(0, 0, 6, 6, BigDecimal.ZERO, 0, 36)).grade()).isEqualTo(Grade.B);
    }

    @Test
    void agesOutsideEighteenToSixtyKnockOut() {
        assertThat(LAUNCH.score(new Applicant(0, 0, 0, 0, BigDecimal.ZERO, 0, 17)).reasonCode()).isEqualTo("AGE_OUT_OF_RANGE");
        assertThat(LAUNCH.score(new Applicant(0, 0, 0, 0, BigDecimal.ZERO, 0, 61)).reasonCode()).isEqualTo("AGE_OUT_OF_RANGE");
        assertThat(LAUNCH.score(new Applicant(0, 0, 0, 0, BigDecimal.ZERO, 0, 60)).approved()).isTrue();
    }

    @Test
    void theMaximumScoreIsEveryBestBin() {
        // 60 + 40 + 50 + 40 + 40 = 230.
        assertThat(LAUNCH.maxScore()).isEqualTo(230);
        assertThat(LAUNCH.topOf(new Band(Grade.B, 170))).isEqualTo(200);
    }

    private static Knockout knockout(String code, Characteristic characteristic, String atLeast, String below, String reason) {
        return new Knockout(code, characteristic, atLeast == null ? null : new BigDecimal(atLeast),
                below == null ? null : new BigDecimal(below), reason);
    }

    private static Bin bin(Characteristic characteristic, String lower, String upper, int points) {
        return new Bin(characteristic, lower == null ? null : new BigDecimal(lower), upper == null ? null : new BigDecimal(upper),
                points);
    }
}
