package com.lendflow.creditdecision;

import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.BureauAuthorisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Object Mother for credit-risk commands and the ID numbers in them. */
public final class Applicants {

    public static final String NAME = "张三丰";
    public static final String MOBILE = "13812345678";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Applicants() {
    }

    /** A valid resident ID number of someone born on {@code birth}, with a random region and sequence so tests never share one. */
    public static String idNumberBornOn(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = (100000 + random.nextInt(900000)) + birth.toString().replace("-", "")
                + "%03d".formatted(random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Someone in their thirties (the applicant-age bin 30 to under 46 on any date in 2026–2030). */
    public static String ordinaryIdNumber() {
        return idNumberBornOn(LocalDate.of(1990, 1 + ThreadLocalRandom.current().nextInt(12),
                1 + ThreadLocalRandom.current().nextInt(28)));
    }

    /** A command as the saga sends it after anti-fraud passed the application and esign archived the authorisation. */
    public static AssessCreditRisk applies(String idNumber) {
        return applies(UUID.randomUUID(), idNumber);
    }

    public static AssessCreditRisk applies(UUID customerId, String idNumber) {
        return new AssessCreditRisk(UUID.randomUUID(), customerId, NAME, idNumber, MOBILE, authorisation(), "PASS", 0,
                Instant.now());
    }

    public static AssessCreditRisk withoutAuthorisation(String idNumber) {
        AssessCreditRisk command = applies(idNumber);
        return new AssessCreditRisk(command.applicationId(), command.customerId(), NAME, idNumber, MOBILE, null, "PASS", 0,
                command.appliedAt());
    }

    public static BureauAuthorisation authorisation() {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return new BureauAuthorisation(UUID.randomUUID(), HexFormat.of().formatHex(hash), Instant.now());
    }
}
