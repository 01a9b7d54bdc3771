package com.lendflow.collection.postloan.adjustment;

import java.math.BigDecimal;
import java.util.UUID;

/** A maker's request to adjust a loan; which of the amounts apply depends on the kind. */
record RequestAdjustment(UUID loanId, AdjustmentKind kind, Integer extraPeriods, BigDecimal penalty, BigDecimal interest,
                         BigDecimal annualRate, String reason) {
}
