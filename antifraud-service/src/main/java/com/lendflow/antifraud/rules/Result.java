package com.lendflow.antifraud.rules;

/** The outcome of an assessment, as {@code FraudRiskAssessed} carries it. */
public enum Result {
    PASS,
    REVIEW,
    REJECT
}
