package com.lendflow.antifraud.rules;

import java.util.ArrayList;
import java.util.List;

/** The total score at which an application goes to review, and at which it is rejected outright. */
public record DecisionThresholds(int reviewScore, int rejectScore, long version) {

    public List<RuleSetting.Problem> problems() {
        List<RuleSetting.Problem> problems = new ArrayList<>();
        if (reviewScore < 1 || reviewScore > RuleSetting.MAX_WEIGHT * 10) {
            problems.add(new RuleSetting.Problem("reviewScore", "Range", "must be between 1 and " + RuleSetting.MAX_WEIGHT * 10));
        }
        if (rejectScore < 1 || rejectScore > RuleSetting.MAX_WEIGHT * 10) {
            problems.add(new RuleSetting.Problem("rejectScore", "Range", "must be between 1 and " + RuleSetting.MAX_WEIGHT * 10));
        }
        if (problems.isEmpty() && reviewScore > rejectScore) {
            problems.add(new RuleSetting.Problem("reviewScore", "Range", "must not be above rejectScore"));
        }
        return problems;
    }
}
