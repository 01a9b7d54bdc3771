package com.lendflow.antifraud.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The total score at which an application goes to review, and at which it is rejected outright;
 * and the score at which a drawdown is rejected. A drawdown has no review (the money leaves within
 * seconds and nobody is there to look), so a drawdown below {@code drawdownRejectScore} passes.
 */
public record DecisionThresholds(int reviewScore, int rejectScore, int drawdownRejectScore, long version) {

    public List<RuleSetting.Problem> problems() {
        List<RuleSetting.Problem> problems = new ArrayList<>();
        int max = RuleSetting.MAX_WEIGHT * 10;
        if (reviewScore < 1 || reviewScore > max) {
            problems.add(new RuleSetting.Problem("reviewScore", "Range", "must be between 1 and " + max));
        }
        if (rejectScore < 1 || rejectScore > max) {
            problems.add(new RuleSetting.Problem("rejectScore", "Range", "must be between 1 and " + max));
        }
        if (drawdownRejectScore < 1 || drawdownRejectScore > max) {
            problems.add(new RuleSetting.Problem("drawdownRejectScore", "Range", "must be between 1 and " + max));
        }
        if (problems.isEmpty() && reviewScore > rejectScore) {
            problems.add(new RuleSetting.Problem("reviewScore", "Range", "must not be above rejectScore"));
        }
        return problems;
    }
}
