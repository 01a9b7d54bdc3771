package com.lendflow.collection.postloan.adjustment;

import com.lendflow.platform.web.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What each kind of adjustment needs, checked before anyone is asked anything: an extension 1 to 12 extra
 * periods, a waiver a penalty and/or interest (two decimals, not negative, at least one above zero), a
 * restructure 1 to 36 periods and optionally a new annual rate up to 24%, a write-off nothing more. A field the
 * kind does not use is refused rather than ignored, so nobody believes it was applied.
 */
final class AdjustmentTerms {

    static final int MAX_EXTENSION_PERIODS = 12;
    static final int MAX_RESTRUCTURE_PERIODS = 36;
    static final BigDecimal MAX_ANNUAL_RATE = new BigDecimal("0.24");

    private AdjustmentTerms() {
    }

    static List<FieldViolation> problems(RequestAdjustment request) {
        List<FieldViolation> problems = new ArrayList<>();
        AdjustmentKind kind = request.kind();
        switch (kind) {
            case EXTENSION -> {
                periods(request.extraPeriods(), MAX_EXTENSION_PERIODS, kind, problems);
                notApplicable("penalty", request.penalty(), kind, problems);
                notApplicable("interest", request.interest(), kind, problems);
                notApplicable("annualRate", request.annualRate(), kind, problems);
            }
            case WAIVER -> {
                notApplicable("extraPeriods", request.extraPeriods(), kind, problems);
                notApplicable("annualRate", request.annualRate(), kind, problems);
                boolean penaltyOk = amount("penalty", request.penalty(), problems);
                boolean interestOk = amount("interest", request.interest(), problems);
                if (penaltyOk && interestOk && !positive(request.penalty()) && !positive(request.interest())) {
                    problems.add(new FieldViolation("penalty", "at-least-one-positive",
                            "a waiver waives some penalty or interest: penalty or interest must be above 0.00"));
                }
            }
            case RESTRUCTURE -> {
                periods(request.extraPeriods(), MAX_RESTRUCTURE_PERIODS, kind, problems);
                notApplicable("penalty", request.penalty(), kind, problems);
                notApplicable("interest", request.interest(), kind, problems);
                BigDecimal rate = request.annualRate();
                if (rate != null) {
                    if (rate.signum() <= 0 || rate.compareTo(MAX_ANNUAL_RATE) > 0) {
                        problems.add(new FieldViolation("annualRate", "Range",
                                "must be above 0 and at most 0.24 (24% a year), or left out to keep the loan's rate"));
                    } else if (rate.stripTrailingZeros().scale() > 6) {
                        problems.add(new FieldViolation("annualRate", "Digits", "must have at most 6 decimal places"));
                    }
                }
            }
            case WRITE_OFF -> {
                notApplicable("extraPeriods", request.extraPeriods(), kind, problems);
                notApplicable("penalty", request.penalty(), kind, problems);
                notApplicable("interest", request.interest(), kind, problems);
                notApplicable("annualRate", request.annualRate(), kind, problems);
            }
        }
        return problems;
    }

    private static void periods(Integer periods, int max, AdjustmentKind kind, List<FieldViolation> problems) {
        if (periods == null) {
            problems.add(new FieldViolation("extraPeriods", "NotNull", "is required for " + kind + " (1 to " + max + ")"));
        } else if (periods < 1 || periods > max) {
            problems.add(new FieldViolation("extraPeriods", "Range", "must be between 1 and " + max + " for " + kind));
        }
    }

    private static boolean amount(String field, BigDecimal amount, List<FieldViolation> problems) {
        if (amount == null) {
            return true;
        }
        if (amount.signum() < 0) {
            problems.add(new FieldViolation(field, "PositiveOrZero", "must not be negative"));
            return false;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldViolation(field, "Digits", "must have at most 2 decimal places (whole fen)"));
            return false;
        }
        return true;
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }

    private static void notApplicable(String field, Object value, AdjustmentKind kind, List<FieldViolation> problems) {
        if (value != null) {
            problems.add(new FieldViolation(field, "not-applicable", "is not a term of " + kind + "; leave it out"));
        }
    }
}
