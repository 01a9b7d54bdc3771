package com.lendflow.localstack;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Object Mother for valid personal data that never repeats within a run: each JVM starts at a random
 * point and counts through birth dates and sequence numbers (ID numbers) and through a block of
 * mobiles, so each run's values can be searched for in the logs. Drawn at random, a long fault
 * campaign's 2,265 ID numbers from 8.4 million collided about one run in three, and the second
 * registration was rightly refused as a customer who already exists.
 */
final class Identities {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1975, 1, 1);
    /** 1,000 sequence numbers a day over 9,000 days of birth dates (ages about 27 to 51). */
    private static final long PEOPLE = 9_000L * 1_000;
    private static final AtomicLong NEXT_PERSON = new AtomicLong(ThreadLocalRandom.current().nextLong(PEOPLE));
    private static final AtomicLong NEXT_MOBILE = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L));

    private Identities() {
    }

    static String idNumber() {
        long n = NEXT_PERSON.getAndIncrement() % PEOPLE;
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(n / 1000);
        String first17 = "310115" + "%04d%02d%02d%03d".formatted(birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static String mobile() {
        return "139" + "%08d".formatted(NEXT_MOBILE.getAndIncrement() % 100_000_000L);
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
