package com.lendflow.payment;

import java.util.concurrent.ThreadLocalRandom;

/** Object Mother of bank cards and reserved mobiles: fresh, valid and unique per call. */
public final class Cards {

    private Cards() {
    }

    /** A 19-digit ICBC-style debit card number (BIN 622202) that passes the Luhn check. */
    public static String cardNumber() {
        StringBuilder digits = new StringBuilder("622202");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (digits.length() < 18) {
            digits.append(random.nextInt(10));
        }
        return digits.append(luhnDigit(digits.toString())).toString();
    }

    /** The same number with its last digit changed, so the Luhn check fails. */
    public static String mistyped(String cardNumber) {
        char last = cardNumber.charAt(cardNumber.length() - 1);
        return cardNumber.substring(0, cardNumber.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    public static String mobile() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static int luhnDigit(String partial) {
        int sum = 0;
        boolean doubled = true;
        for (int i = partial.length() - 1; i >= 0; i--) {
            int digit = partial.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
