package com.lendflow.creditdecision.decision;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The applicant's age, from the birth date in characters 7 to 14 of the 18-character resident ID
 * number (GB 11643). Only the age is kept with a decision, never the number. The number's check
 * character is anti-fraud's to verify; an application reaching us has passed it.
 */
final class ApplicantAge {

    private ApplicantAge() {
    }

    /** Age in whole years on {@code date} (a birthday counts from its day), or empty if the number has no real birth date. */
    static Optional<Integer> on(String idNumber, LocalDate date) {
        if (idNumber == null || idNumber.strip().length() != 18) {
            return Optional.empty();
        }
        String id = idNumber.strip();
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(date)) {
                return Optional.empty();
            }
            return Optional.of(Period.between(birth, date).getYears());
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
