package com.lendflow.creditdecision.scorecard;

/** A score at or above {@code minScore} earns {@code grade}, unless a higher band's minimum is reached too. */
public record Band(Grade grade, int minScore) {
}
