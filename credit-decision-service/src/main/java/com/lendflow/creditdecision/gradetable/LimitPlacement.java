package com.lendflow.creditdecision.gradetable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where in its grade's range an approved applicant's credit limit lands.
 *
 * <ol>
 *   <li><b>By the score's position in the grade's band.</b> The band runs from its minimum score
 *       to the next better band's minimum (for the best grade, the scorecard's maximum score):
 *       {@code raw = minLimit + (maxLimit − minLimit) × (score − bandMin) / (bandTop − bandMin)},
 *       the fraction clamped to [0, 1] and the product cut to the fen. A score at the band's
 *       bottom gets the grade's minimum; one at its top gets the maximum.</li>
 *   <li><b>Capped by existing debt.</b> The applicant's total outstanding debt at the bureau
 *       plus the new line should not exceed the grade's maximum: {@code cap = maxLimit − debt},
 *       but never below the grade's minimum (the grade itself already priced the debt in).</li>
 *   <li><b>Rounded down to a whole hundred yuan.</b> Grade limits are whole hundreds, so the
 *       result never falls below the grade's minimum.</li>
 * </ol>
 */
public final class LimitPlacement {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private LimitPlacement() {
    }

    /** The limit and a sentence explaining how it was placed. */
    public record Placed(BigDecimal limit, String explanation) {
    }

    public static Placed place(GradeTerms terms, int score, int bandMin, int bandTop, BigDecimal totalDebt) {
        BigDecimal min = terms.minLimit();
        BigDecimal max = terms.maxLimit();
        BigDecimal raw;
        if (bandTop <= bandMin || score >= bandTop) {
            raw = max;
        } else if (score <= bandMin) {
            raw = min;
        } else {
            raw = min.add(max.subtract(min).multiply(BigDecimal.valueOf(score - bandMin))
                    .divide(BigDecimal.valueOf(bandTop - bandMin), 2, RoundingMode.DOWN));
        }
        BigDecimal debt = totalDebt == null ? BigDecimal.ZERO : totalDebt;
        BigDecimal cap = max.subtract(debt).max(min);
        BigDecimal capped = raw.min(cap);
        BigDecimal limit = capped.divide(HUNDRED, 0, RoundingMode.DOWN).multiply(HUNDRED).max(min)
                .setScale(2, RoundingMode.UNNECESSARY);
        String explanation = "Limit " + limit.toPlainString() + ": score " + score + " sits " + (score - bandMin) + " of "
                + (bandTop - bandMin) + " points into the band (" + bandMin + " to " + bandTop + "), placing it at "
                + raw.setScale(2, RoundingMode.DOWN).toPlainString() + " in grade " + terms.grade() + "'s range "
                + min.toPlainString() + " to " + max.toPlainString()
                + (capped.compareTo(raw) < 0 ? "; capped at " + cap.toPlainString() + " by outstanding debt of "
                + debt.toPlainString() : "") + "; rounded down to a whole hundred yuan";
        return new Placed(limit, explanation);
    }
}
