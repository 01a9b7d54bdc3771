package com.lendflow.reconciliation;

import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks ops input field by field and collects every violation, so one 400 names each field and its rule.
 * Query parameters arrive as text and are read here, not by Spring's converters, for the same reason.
 */
public final class OpsRequests {

    private final List<FieldViolation> violations = new ArrayList<>();

    public LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "NotNull", "must be a date, yyyy-MM-dd"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "Date", "must be a date, yyyy-MM-dd"));
            return null;
        }
    }

    public <E extends Enum<E>> E oneOf(String field, String text, Class<E> type, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "NotNull", "must be one of " + Arrays.toString(type.getEnumConstants())));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "OneOf", "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public String oneOf(String field, String text, List<String> allowed) {
        if (text != null && !text.isBlank() && !allowed.contains(text)) {
            violations.add(new FieldViolation(field, "OneOf", "must be one of " + allowed));
        }
        return text == null || text.isBlank() ? null : text;
    }

    public BigDecimal amount(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.scale() > 2) {
                violations.add(new FieldViolation(field, "Amount", "must be an amount of at least 0 with at most two decimals"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "Amount", "must be an amount of at least 0 with at most two decimals"));
            return null;
        }
    }

    public Integer number(String field, String text, int min, int max, Integer otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                violations.add(new FieldViolation(field, "Range", "must be between " + min + " and " + max));
                return otherwise;
            }
            return value;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "Range", "must be a whole number between " + min + " and " + max));
            return otherwise;
        }
    }

    public String reason(String field, String text) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation(field, "NotBlank", "must say why, in at most 500 characters"));
        } else if (text.length() > 500) {
            violations.add(new FieldViolation(field, "Size", "must say why, in at most 500 characters"));
        }
        return text;
    }

    public void violation(String field, String rule, String message) {
        violations.add(new FieldViolation(field, rule, message));
    }

    /** Throws the 400 naming every violation found so far. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new InvalidRequest(List.copyOf(violations));
        }
    }
}
