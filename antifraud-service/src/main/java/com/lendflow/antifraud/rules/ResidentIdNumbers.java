package com.lendflow.antifraud.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The 18-character PRC resident identity number (GB 11643-1999): six region digits, the birth
 * date as yyyyMMdd, three sequence digits and a check character over the first 17: the weighted
 * sum (weights 2^(17-i) mod 11) mod 11 indexes "10X98765432".
 */
public final class ResidentIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdNumbers() {
    }

    /** The check character the first 17 digits call for, or empty if they are not 17 digits. */
    public static Optional<Character> checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return Optional.of(CHECK_CHARACTERS.charAt(sum % 11));
    }

    /** Why the number is not a well-formed resident ID number, or empty if it is. Never repeats the number. */
    public static Optional<String> defect(String idNumber) {
        if (idNumber == null || idNumber.strip().length() != 18) {
            return Optional.of("the ID number does not have 18 characters");
        }
        String id = idNumber.strip();
        Optional<Character> expected = checkCharacter(id.substring(0, 17));
        if (expected.isEmpty()) {
            return Optional.of("the first 17 characters of the ID number are not all digits");
        }
        if (Character.toUpperCase(id.charAt(17)) != expected.get()) {
            return Optional.of("the ID number's check character does not match its first 17 digits (GB 11643 mod 11)");
        }
        if (birthDate(id).isEmpty()) {
            return Optional.of("the ID number's birth date (characters 7-14) is not a real date");
        }
        return Optional.empty();
    }

    /** The birth date in characters 7 to 14, if the number has one that exists. */
    public static Optional<LocalDate> birthDate(String idNumber) {
        if (idNumber == null || idNumber.strip().length() != 18) {
            return Optional.empty();
        }
        String id = idNumber.strip();
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return birth.getYear() >= 1900 ? Optional.of(birth) : Optional.empty();
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Age in whole years on {@code date}: a birthday counts from its day. */
    public static int ageOn(LocalDate birthDate, LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }
}
