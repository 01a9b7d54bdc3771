package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.GrantCreditLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The terms an approved application asks for, checked: a limit in whole fen, a rate within the
 * legal cap, a grade, and the day the line is granted and the day after which it lapses.
 */
record GrantTerms(UUID applicationId, UUID customerId, BigDecimal creditLimit, BigDecimal annualRate,
                  String grade, LocalDate grantedOn, LocalDate expiresOn) {

    /** The legal cap on an annual rate (24%). */
    static final BigDecimal RATE_CAP = new BigDecimal("0.24");
    /** numeric(19, 2): 17 digits before the point. */
    private static final BigDecimal LIMIT_CEILING = new BigDecimal("1e17");
    private static final Pattern GRADE = Pattern.compile("[A-Z][A-Z0-9+-]{0,7}");

    /**
     * Checks {@code command}. A command that names no application is not handled here: there is
     * nobody to answer.
     *
     * @throws GrantRefused naming the first term at fault
     */
    static GrantTerms of(GrantCreditLine command, Period validity, LocalDate today) {
        if (command.customerId() == null) {
            throw new GrantRefused(GrantRefusal.MISSING_CUSTOMER, "the command names no customer to grant the line to");
        }
        BigDecimal limit = amount(command.creditLimit());
        BigDecimal rate = rate(command.annualRate());
        String grade = grade(command.grade());
        if (command.grantedOn() == null) {
            throw new GrantRefused(GrantRefusal.INVALID_GRANTED_ON, "the command has no grant date (grantedOn)");
        }
        LocalDate expiresOn = command.grantedOn().plus(validity);
        if (expiresOn.isBefore(today)) {
            throw new GrantRefused(GrantRefusal.GRANT_ALREADY_EXPIRED, "a line granted on %s would have expired on %s, before today (%s); decide the application again"
                    .formatted(command.grantedOn(), expiresOn, today));
        }
        return new GrantTerms(command.applicationId(), command.customerId(), limit, rate, grade,
                command.grantedOn(), expiresOn);
    }

    private static BigDecimal amount(String text) {
        BigDecimal value = decimal(text, GrantRefusal.INVALID_LIMIT, "credit limit");
        if (value.signum() <= 0) {
            throw new GrantRefused(GrantRefusal.INVALID_LIMIT, "credit limit must be positive, was " + shown(text));
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new GrantRefused(GrantRefusal.INVALID_LIMIT, "credit limit must be whole fen (two decimals), was " + shown(text));
        }
        if (value.compareTo(LIMIT_CEILING) >= 0) {
            throw new GrantRefused(GrantRefusal.INVALID_LIMIT, "credit limit is too large to hold, was " + shown(text));
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal rate(String text) {
        BigDecimal value = decimal(text, GrantRefusal.INVALID_RATE, "annual rate");
        if (value.signum() <= 0 || value.compareTo(RATE_CAP) > 0) {
            throw new GrantRefused(GrantRefusal.INVALID_RATE,
                    "annual rate must be above 0 and at most 0.24 (the legal cap), was " + shown(text));
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new GrantRefused(GrantRefusal.INVALID_RATE, "annual rate has more than six decimals, was " + shown(text));
        }
        return value.setScale(6, RoundingMode.UNNECESSARY);
    }

    private static String grade(String text) {
        if (text == null || !GRADE.matcher(text.strip()).matches()) {
            throw new GrantRefused(GrantRefusal.INVALID_GRADE, "risk grade must be a short upper-case code such as A or B+, was "
                    + (text == null ? "missing" : "'" + shown(text) + "'"));
        }
        return text.strip();
    }

    /** The offending value as a reason may quote it: a command is not trusted to be short. */
    private static String shown(String text) {
        String value = text.strip();
        return value.length() <= 32 ? value : value.substring(0, 32) + "...";
    }

    private static BigDecimal decimal(String text, GrantRefusal code, String what) {
        if (text == null || text.isBlank()) {
            throw new GrantRefused(code, what + " is missing");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new GrantRefused(code, what + " is not a decimal number, was '" + shown(text) + "'");
        }
    }
}
