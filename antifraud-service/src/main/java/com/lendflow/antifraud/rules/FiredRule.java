package com.lendflow.antifraud.rules;

/** A rule that fired: the score it added, the action it asks for and why, in words a person can check. */
public record FiredRule(RuleCode code, int score, RuleAction action, String reason) {
}
