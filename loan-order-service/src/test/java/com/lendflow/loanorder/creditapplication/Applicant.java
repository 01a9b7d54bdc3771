package com.lendflow.loanorder.creditapplication;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Object Mother for people who apply for a credit line: valid, unique on every call, born in the
 * 1980s unless a test needs another age. {@code customerId} is set once the customer registered.
 */
record Applicant(UUID customerId, String name, String mobile, String idNumber) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    static Applicant unregistered() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return bornOn(LocalDate.of(1980 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    static Applicant bornOn(LocalDate birthDate) {
        String first17 = "110101" + "%04d%02d%02d".formatted(birthDate.getYear(), birthDate.getMonthValue(),
                birthDate.getDayOfMonth()) + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        return new Applicant(null, "张三丰", "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)),
                withCheckCharacter(first17));
    }

    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    Applicant registeredAs(UUID id) {
        return new Applicant(id, name, mobile, idNumber);
    }

    /** The same person with another (valid) ID number: someone claiming an identity that is not theirs. */
    Applicant withIdNumber(String otherIdNumber) {
        return new Applicant(customerId, name, mobile, otherIdNumber);
    }

    String registration() {
        return """
                {"name":"%s","mobile":"%s","idNumber":"%s"}""".formatted(name, mobile, idNumber);
    }

    /** An application with both consents and an ordinary Android phone on home Wi-Fi. */
    String application() {
        return application(CONSENTS, device());
    }

    String application(String consents, String device) {
        return """
                {"fullName":"%s","mobile":"%s","idNumber":"%s","consents":%s,"device":%s}"""
                .formatted(name, mobile, idNumber, consents, device);
    }

    static final String CONSENTS = """
            {"creditBureauAuthorisation":true,"privacyPolicy":true}""";

    String device() {
        return device("203.0.113.7", "3c:22:fb:1a:9e:01");
    }

    String device(String ip, String wifiMac) {
        return """
                {"deviceId":"dev-%s","os":"Android","osVersion":"14","appVersion":"3.2.1","ip":"%s",\
                "wifiSsid":"home-5G","wifiMac":"%s","latitude":31.2304,"longitude":121.4737,"emulator":false,"rooted":false}"""
                .formatted(mobile, ip, wifiMac);
    }
}
