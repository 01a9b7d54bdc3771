package com.lendflow.creditdecision.gradetable;

import com.lendflow.creditdecision.scorecard.Grade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One version of the grade table: every grade's limit range and annual rate. */
public record GradeTable(int version, Map<Grade, GradeTerms> terms, Instant createdAt, String createdBy, String reason) {

    /** The legal cap on the annual rate of a consumer loan. */
    public static final BigDecimal RATE_CAP = new BigDecimal("0.24");
    /** Limits are whole hundreds of yuan, so the placed limit (rounded down to a hundred) never leaves its range. */
    public static final BigDecimal LIMIT_STEP = new BigDecimal("100");

    public GradeTable {
        terms = new EnumMap<>(terms);
    }

    public Optional<GradeTerms> of(Grade grade) {
        return Optional.ofNullable(terms.get(grade));
    }

    /** A broken rule of a proposed table: the field as a JSON path, the rule, and a sentence. */
    public record Problem(String field, String rule, String message) {
    }

    /**
     * What is wrong with these rows as a grade table: every grade A–E exactly once; limits positive,
     * whole hundreds of yuan, at most two decimals, min ≤ max; the rate above 0 and at most the
     * legal cap of 0.24, with at most six decimals.
     */
    public static List<Problem> problems(List<Row> rows) {
        List<Problem> problems = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            problems.add(new Problem("grades", "NotEmpty", "a grade table needs a row for each grade A to E"));
            return problems;
        }
        Map<Grade, Integer> seen = new EnumMap<>(Grade.class);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = "grades[" + i + "]";
            if (row == null) {
                problems.add(new Problem(at, "NotNull", "a row must not be null"));
                continue;
            }
            Optional<Grade> grade = parse(row.grade());
            if (grade.isEmpty()) {
                problems.add(new Problem(at + ".grade", "one-of", "must be one of A, B, C, D, E"));
            } else if (seen.putIfAbsent(grade.get(), i) != null) {
                problems.add(new Problem(at + ".grade", "unique", "grade " + grade.get() + " appears more than once"));
            }
            amount(row.minLimit(), at + ".minLimit", problems);
            amount(row.maxLimit(), at + ".maxLimit", problems);
            if (row.minLimit() != null && row.maxLimit() != null && row.minLimit().compareTo(row.maxLimit()) > 0) {
                problems.add(new Problem(at + ".maxLimit", "at-least-min-limit", "must be at least minLimit "
                        + row.minLimit().toPlainString()));
            }
            BigDecimal rate = row.annualRate();
            if (rate == null) {
                problems.add(new Problem(at + ".annualRate", "NotNull", "must not be null"));
            } else if (rate.signum() <= 0) {
                problems.add(new Problem(at + ".annualRate", "positive", "must be above 0"));
            } else if (rate.compareTo(RATE_CAP) > 0) {
                problems.add(new Problem(at + ".annualRate", "legal-cap", "must be at most 0.24, the legal cap of 24% a year"));
            } else if (rate.stripTrailingZeros().scale() > 6) {
                problems.add(new Problem(at + ".annualRate", "Digits", "must have at most 6 decimals"));
            }
        }
        for (Grade grade : Grade.values()) {
            if (!seen.containsKey(grade)) {
                problems.add(new Problem("grades", "all-grades", "grade " + grade + " is missing; every grade A to E needs a row"));
            }
        }
        return problems;
    }

    private static void amount(BigDecimal amount, String field, List<Problem> problems) {
        if (amount == null) {
            problems.add(new Problem(field, "NotNull", "must not be null"));
        } else if (amount.signum() <= 0) {
            problems.add(new Problem(field, "positive", "must be above 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(field, "Digits", "must have at most 2 decimals (fen)"));
        } else if (amount.remainder(LIMIT_STEP).signum() != 0) {
            problems.add(new Problem(field, "multiple-of-100", "must be a whole number of hundreds of yuan"));
        } else if (amount.precision() - amount.scale() > 17) {
            problems.add(new Problem(field, "Digits", "is too large"));
        }
    }

    private static Optional<Grade> parse(String grade) {
        try {
            return grade == null ? Optional.empty() : Optional.of(Grade.valueOf(grade));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A proposed row, as an ops person sent it. */
    public record Row(String grade, BigDecimal minLimit, BigDecimal maxLimit, BigDecimal annualRate) {
    }
}
