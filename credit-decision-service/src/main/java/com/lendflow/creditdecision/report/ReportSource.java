package com.lendflow.creditdecision.report;

/** Where a report read came from: a fresh bureau query, or a report kept from an earlier one. */
public enum ReportSource {
    BUREAU, CACHE
}
