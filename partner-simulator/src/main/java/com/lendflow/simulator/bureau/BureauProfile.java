package com.lendflow.simulator.bureau;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One person's record at the simulated bureau: what a report on them says.
 *
 * @param worstDaysPastDueLast24Months the worst delinquency, in days past due, on any account in the last 24 months
 * @param overdueAccounts              accounts overdue today
 * @param totalOutstandingDebt         the balance owed on all open accounts, CNY
 * @param openAccounts                 open credit accounts
 * @param inquiriesLast3Months         lenders' credit inquiries in the last 3 months
 * @param inquiriesLast6Months         ... and in the last 6 months (includes the 3)
 */
record BureauProfile(
        @NotNull @Min(0) @Max(3650) Integer worstDaysPastDueLast24Months,
        @NotNull @Min(0) @Max(100) Integer overdueAccounts,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal totalOutstandingDebt,
        @NotNull @Min(0) @Max(100) Integer openAccounts,
        @NotNull @Min(0) @Max(100) Integer inquiriesLast3Months,
        @NotNull @Min(0) @Max(100) Integer inquiriesLast6Months) {

    BureauProfile {
        if (totalOutstandingDebt != null) {
            totalOutstandingDebt = totalOutstandingDebt.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /**
     * The record of someone nobody set a profile for: clean (never late, nothing overdue) and always
     * the same for the same ID number, derived from its SHA-256: debt 0 to 19,900 yuan in hundreds,
     * 1 to 4 open accounts, 0 or 1 inquiry in 3 months and at most one more in 6.
     */
    static BureauProfile cleanFor(String idNumber) {
        byte[] hash = sha256(idNumber.strip().toUpperCase());
        int debtHundreds = Byte.toUnsignedInt(hash[0]) % 200;
        int recent = Byte.toUnsignedInt(hash[1]) % 2;
        int older = Byte.toUnsignedInt(hash[2]) % 2;
        int open = 1 + Byte.toUnsignedInt(hash[3]) % 4;
        return new BureauProfile(0, 0, BigDecimal.valueOf(debtHundreds * 100L).setScale(2), open, recent, recent + older);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
