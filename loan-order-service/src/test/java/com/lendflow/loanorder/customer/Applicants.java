package com.lendflow.loanorder.customer;

import java.util.concurrent.ThreadLocalRandom;

/** Object Mother for people who register: real-looking, valid and unique on every call. */
final class Applicants {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Applicants() {
    }

    /** A valid 18-character resident ID number, born in the 1980s in Beijing's Dongcheng district. */
    static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "110101" + (1980 + random.nextInt(10))
                + "%02d%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28))
                + "%03d".formatted(random.nextInt(1000));
        return withCheckCharacter(first17);
    }

    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    static String mobile() {
        return "138" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String zhangSan() {
        return json("张三", mobile(), idNumber());
    }

    static String json(String name, String mobile, String idNumber) {
        return """
                {"name":"%s","mobile":"%s","idNumber":"%s"}""".formatted(name, mobile, idNumber);
    }
}
