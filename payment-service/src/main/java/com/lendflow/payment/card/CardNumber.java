package com.lendflow.payment.card;

import com.lendflow.platform.web.FieldViolation;
import java.util.Optional;

/**
 * A bank card number as typed: spaces and dashes dropped, 12 to 19 digits passing the Luhn check.
 * Its toString never shows it whole.
 */
record CardNumber(String digits) {

    static Optional<FieldViolation> violation(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(new FieldViolation(field, "NotBlank", "must not be blank"));
        }
        String digits = normalise(raw);
        if (!digits.matches("^[0-9]{12,19}$")) {
            return Optional.of(new FieldViolation(field, "Pattern", "must be 12 to 19 digits"));
        }
        if (!passesLuhn(digits)) {
            return Optional.of(new FieldViolation(field, "luhn", "is not a valid card number (Luhn check failed)"));
        }
        return Optional.empty();
    }

    static CardNumber of(String raw) {
        return new CardNumber(normalise(raw));
    }

    private static String normalise(String raw) {
        return raw.replaceAll("[\\s-]", "");
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    String bin() {
        return digits.substring(0, 6);
    }

    String last4() {
        return digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "CardNumber[" + bin() + "******" + last4() + "]";
    }
}
