package com.lendflow.localstack;

import java.util.concurrent.ThreadLocalRandom;

/** Object Mother for valid, unique personal data, so each run's values can be searched for in the logs. */
final class Identities {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Identities() {
    }

    static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "310115" + (1975 + random.nextInt(25))
                + "%02d%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28)) + "%03d".formatted(random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static String mobile() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A UnionPay-style debit card number (BIN 622202) that passes the Luhn check. */
    static String cardNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("622202");
        while (digits.length() < 18) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
