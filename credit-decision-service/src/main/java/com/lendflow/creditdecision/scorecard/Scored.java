package com.lendflow.creditdecision.scorecard;

import java.util.List;
import java.util.Map;

/**
 * What the scorecard made of an applicant.
 *
 * @param approved   no knock-out fired and the score reached a band
 * @param score      base points plus the points of every characteristic
 * @param grade      the band's grade when approved, otherwise null
 * @param bandMin    the band's minimum score (approved only)
 * @param bandTop    where the band ends: the next better band's minimum, or the scorecard's maximum
 *                   score for the best band (approved only)
 * @param reasonCode the rejection's code (the first knock-out that fired, or LOW_SCORE), otherwise null
 * @param points     points per characteristic
 * @param reasons    what happened, for staff, in order
 */
public record Scored(boolean approved, int score, Grade grade, int bandMin, int bandTop, String reasonCode,
                     Map<Characteristic, Integer> points, List<String> reasons) {

    public static final String LOW_SCORE = "LOW_SCORE";
}
