package com.lendflow.creditdecision.gradetable;

import com.lendflow.creditdecision.scorecard.Grade;
import java.math.BigDecimal;

/** What a grade earns: a credit limit between {@code minLimit} and {@code maxLimit} at {@code annualRate}. */
public record GradeTerms(Grade grade, BigDecimal minLimit, BigDecimal maxLimit, BigDecimal annualRate) {
}
