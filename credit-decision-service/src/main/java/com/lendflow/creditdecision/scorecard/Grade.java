package com.lendflow.creditdecision.scorecard;

/** Risk grades, best first. */
public enum Grade {
    A, B, C, D, E
}
