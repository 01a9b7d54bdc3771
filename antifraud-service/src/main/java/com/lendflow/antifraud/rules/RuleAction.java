package com.lendflow.antifraud.rules;

/** What a fired rule asks for on its own, whatever the total score: nothing, a person's look, or a refusal. */
public enum RuleAction {
    NONE,
    REVIEW,
    REJECT
}
