package com.lendflow.benchmarks.load;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid personal data that never repeats within a run and almost never across runs (a stack keeps its
 * customers): each run draws a random region code and mobile block, then counts through birth dates and
 * sequence numbers. Same rules as local-stack's test Identities: GB 11643 check character, an 11-digit
 * mainland mobile, a Luhn-valid UnionPay-style card. Devices and addresses are distinct per customer too,
 * so antifraud's device, network and velocity rules see many people, not one fraud ring.
 */
final class Identities {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1975, 1, 1);
    private static final int REGION = 110_000 + ThreadLocalRandom.current().nextInt(540_000);
    private static final long MOBILE_BLOCK = ThreadLocalRandom.current().nextLong(3_000_000_000L, 9_000_000_000L);
    private static final int ADDRESS_BLOCK = ThreadLocalRandom.current().nextInt(1 << 24);
    private static final AtomicLong NEXT = new AtomicLong();

    /** One applicant: the same values belong together (the card's holder and reserved mobile are the customer's). */
    record Person(String name, String idNumber, String mobile, String deviceId, String ip) {
    }

    private Identities() {
    }

    static Person next() {
        long n = NEXT.getAndIncrement();
        return new Person("测试" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (n % 10)), idNumber(n), mobile(n),
                "load-" + Long.toHexString(MOBILE_BLOCK) + "-" + n, ip(n));
    }

    private static String idNumber(long n) {
        // 1,000 sequence numbers a day over 25 years of birth dates: 9 million people per region code.
        LocalDate birth = FIRST_BIRTH_DATE.plusDays((n / 1000) % 9000);
        String first17 = REGION + "%04d%02d%02d%03d".formatted(birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String mobile(long n) {
        long number = 13_000_000_000L + (MOBILE_BLOCK - 3_000_000_000L + n) % 6_000_000_000L;
        return Long.toString(number);
    }

    private static String ip(long n) {
        int a = (ADDRESS_BLOCK + (int) n) & 0xFFFFFF;
        return "10." + (a >>> 16) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** A UnionPay-style debit card number (BIN 622202, 19 digits) that passes the Luhn check. */
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
