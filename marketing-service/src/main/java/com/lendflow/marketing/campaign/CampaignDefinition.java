package com.lendflow.marketing.campaign;

import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A campaign's terms as ops staff asked for them, checked: every rule a request breaks is named
 * at once, and nothing is stored until all hold.
 */
record CampaignDefinition(String name, CouponKind kind, BigDecimal discountedRate, Integer interestFreeDays,
                          BigDecimal minimumAmount, List<Integer> allowedTerms, LocalDate validFrom,
                          LocalDate validUntil, Integer validDays, List<String> ruleGrades) {

    /** The terms a drawdown may have (months). */
    static final Set<Integer> TERMS = Set.of(3, 6, 9, 12, 24);
    /** The legal cap on an annual rate (24%). */
    static final BigDecimal RATE_CAP = new BigDecimal("0.24");
    private static final BigDecimal AMOUNT_CEILING = new BigDecimal("1e17");
    private static final Pattern GRADE = Pattern.compile("[A-Z][A-Z0-9+-]{0,7}");

    static CampaignDefinition of(CampaignRequest request, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty() || name.length() > 100) {
            violations.add(new FieldViolation("name", "Size", "a name of 1 to 100 characters is required"));
        }
        BigDecimal rate = null;
        if (request.kind() == null) {
            violations.add(new FieldViolation("kind", "NotNull", "must be RATE_DISCOUNT or INTEREST_FREE_DAYS"));
        } else if (request.kind() == CouponKind.RATE_DISCOUNT) {
            rate = rate(request.discountedRate(), violations);
            if (request.interestFreeDays() != null) {
                violations.add(new FieldViolation("interestFreeDays", "Null", "must be absent on a RATE_DISCOUNT campaign"));
            }
        } else {
            if (request.discountedRate() != null) {
                violations.add(new FieldViolation("discountedRate", "Null", "must be absent on an INTEREST_FREE_DAYS campaign"));
            }
            if (request.interestFreeDays() == null || request.interestFreeDays() < 1 || request.interestFreeDays() > 365) {
                violations.add(new FieldViolation("interestFreeDays", "Range",
                        "an INTEREST_FREE_DAYS campaign needs 1 to 365 days"));
            }
        }
        BigDecimal minimum = minimum(request.minimumAmount(), violations);
        List<Integer> terms = terms(request.allowedTerms(), violations);
        validity(request, today, violations);
        List<String> grades = grades(request.ruleGrades(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new CampaignDefinition(name, request.kind(), rate,
                request.kind() == CouponKind.INTEREST_FREE_DAYS ? request.interestFreeDays() : null, minimum, terms,
                request.validFrom(), request.validUntil(), request.validDays(), grades);
    }

    private static BigDecimal rate(String text, List<FieldViolation> violations) {
        BigDecimal rate = decimal(text, "discountedRate", "a RATE_DISCOUNT campaign needs the annual rate it charges, such as 0.09125",
                violations);
        if (rate == null) {
            return null;
        }
        if (rate.signum() <= 0 || rate.compareTo(RATE_CAP) > 0) {
            violations.add(new FieldViolation("discountedRate", "Range", "must be above 0 and at most 0.24 (the legal cap)"));
            return null;
        }
        if (rate.stripTrailingZeros().scale() > 6) {
            violations.add(new FieldViolation("discountedRate", "Digits", "must have at most six decimals"));
            return null;
        }
        return rate.setScale(6, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal minimum(String text, List<FieldViolation> violations) {
        BigDecimal amount = decimal(text, "minimumAmount", "the smallest drawdown the coupon applies to is required, such as 100.00 (0.00 for any)",
                violations);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0 || amount.compareTo(AMOUNT_CEILING) >= 0) {
            violations.add(new FieldViolation("minimumAmount", "Range", "must be zero or more"));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation("minimumAmount", "Digits", "must be whole fen (at most two decimals)"));
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static List<Integer> terms(List<Integer> terms, List<FieldViolation> violations) {
        if (terms == null || terms.isEmpty()) {
            violations.add(new FieldViolation("allowedTerms", "NotEmpty", "at least one term (months) is required"));
            return List.of();
        }
        Set<Integer> distinct = new TreeSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Integer term = terms.get(i);
            if (term == null || !TERMS.contains(term)) {
                violations.add(new FieldViolation("allowedTerms[" + i + "]", "OneOf", "must be one of 3, 6, 9, 12, 24 months"));
            } else if (!distinct.add(term)) {
                violations.add(new FieldViolation("allowedTerms[" + i + "]", "Unique", term + " is listed twice"));
            }
        }
        return List.copyOf(distinct);
    }

    private static void validity(CampaignRequest request, LocalDate today, List<FieldViolation> violations) {
        boolean window = request.validFrom() != null || request.validUntil() != null;
        if (request.validDays() != null) {
            if (window) {
                violations.add(new FieldViolation("validDays", "Exclusive",
                        "give either validDays (counted from each coupon's issue) or validFrom and validUntil, not both"));
            } else if (request.validDays() < 1 || request.validDays() > 3650) {
                violations.add(new FieldViolation("validDays", "Range", "must be 1 to 3650 days"));
            }
            return;
        }
        if (!window) {
            violations.add(new FieldViolation("validDays", "NotNull",
                    "give either validDays (counted from each coupon's issue) or validFrom and validUntil"));
            return;
        }
        if (request.validFrom() == null) {
            violations.add(new FieldViolation("validFrom", "NotNull", "a fixed window needs its first day"));
        }
        if (request.validUntil() == null) {
            violations.add(new FieldViolation("validUntil", "NotNull", "a fixed window needs its last day"));
        }
        if (request.validFrom() != null && request.validUntil() != null) {
            if (request.validUntil().isBefore(request.validFrom())) {
                violations.add(new FieldViolation("validUntil", "Order", "must not be before validFrom"));
            } else if (request.validUntil().isBefore(today)) {
                violations.add(new FieldViolation("validUntil", "Future", "must not be in the past (today is " + today + ")"));
            }
        }
    }

    private static List<String> grades(List<String> grades, List<FieldViolation> violations) {
        if (grades == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < grades.size(); i++) {
            String grade = grades.get(i) == null ? null : grades.get(i).strip();
            if (grade == null || !GRADE.matcher(grade).matches()) {
                violations.add(new FieldViolation("ruleGrades[" + i + "]", "Pattern",
                        "must be a short upper-case risk grade such as A or B+"));
            } else if (seen.add(grade)) {
                checked.add(grade);
            }
        }
        return List.copyOf(checked);
    }

    private static BigDecimal decimal(String text, String field, String missing, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation(field, "NotBlank", missing));
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "Decimal", "must be a decimal number written as a string, such as \"100.00\""));
            return null;
        }
    }
}
