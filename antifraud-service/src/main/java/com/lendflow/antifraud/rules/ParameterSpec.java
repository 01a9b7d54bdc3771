package com.lendflow.antifraud.rules;

/** One numeric parameter a rule reads from the rule table, with the range a person may set it to. */
public record ParameterSpec(String name, int min, int max, String meaning) {

    boolean accepts(int value) {
        return value >= min && value <= max;
    }
}
