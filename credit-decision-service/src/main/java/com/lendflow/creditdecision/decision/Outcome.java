package com.lendflow.creditdecision.decision;

/** What was decided about an application. */
public enum Outcome {
    APPROVE, REJECT
}
