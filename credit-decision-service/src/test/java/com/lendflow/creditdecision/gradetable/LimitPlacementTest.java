package com.lendflow.creditdecision.gradetable;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.creditdecision.scorecard.Grade;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LimitPlacementTest {

    private static final GradeTerms A = new GradeTerms(Grade.A, new BigDecimal("20000.00"), new BigDecimal("100000.00"),
            new BigDecimal("0.073000"));
    private static final GradeTerms B = new GradeTerms(Grade.B, new BigDecimal("10000.00"), new BigDecimal("50000.00"),
            new BigDecimal("0.105000"));
    private static final GradeTerms E = new GradeTerms(Grade.E, new BigDecimal("1000.00"), new BigDecimal("5000.00"),
            new BigDecimal("0.239000"));

    @Test
    void halfwayThroughTheBandIsHalfwayThroughTheRange() {
        // 20,000 + 80,000 × (215 − 200) / (230 − 200) = 20,000 + 40,000 = 60,000; cap 100,000 − 12,300 = 87,700 does not bind.
        assertThat(LimitPlacement.place(A, 215, 200, 230, new BigDecimal("12300.00")).limit()).isEqualTo("60000.00");
    }

    @Test
    void isRoundedDownToAWholeHundred() {
        // 1,000 + 4,000 × (97 − 80) / (110 − 80) = 1,000 + 2,266.66 = 3,266.66 → 3,200.
        assertThat(LimitPlacement.place(E, 97, 80, 110, BigDecimal.ZERO).limit()).isEqualTo("3200.00");
    }

    @Test
    void existingDebtCapsTheLimit() {
        // 20,000 + 80,000 × 29/30 = 97,333.33; cap 100,000 − 45,000 = 55,000 binds → 55,000.
        LimitPlacement.Placed placed = LimitPlacement.place(A, 229, 200, 230, new BigDecimal("45000.00"));
        assertThat(placed.limit()).isEqualTo("55000.00");
        assertThat(placed.explanation()).contains("capped at 55000.00 by outstanding debt of 45000.00");
    }

    @Test
    void debtNeverPushesTheLimitBelowTheGradesMinimum() {
        // 10,000 + 40,000 × 15/30 = 30,000; cap 50,000 − 48,000 = 2,000, raised to the minimum 10,000.
        assertThat(LimitPlacement.place(B, 185, 170, 200, new BigDecimal("48000.00")).limit()).isEqualTo("10000.00");
    }

    @Test
    void theBottomOfTheBandGetsTheMinimumAndTheTopTheMaximum() {
        assertThat(LimitPlacement.place(B, 170, 170, 200, BigDecimal.ZERO).limit()).isEqualTo("10000.00");
        assertThat(LimitPlacement.place(A, 230, 200, 230, BigDecimal.ZERO).limit()).isEqualTo("100000.00");
    }
}
