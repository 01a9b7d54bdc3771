package com.lendflow.antifraud;

import com.lendflow.antifraud.rules.ResidentIdNumbers;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Object Mother for resident ID numbers: valid, with the birth date asked for, unique enough per call. */
public final class IdNumbers {

    private IdNumbers() {
    }

    public static String bornOn(LocalDate birth) {
        String first17 = "110101" + birth.toString().replace("-", "")
                + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentIdNumbers.checkCharacter(first17).orElseThrow();
    }

    /** Someone born in 1990, well inside any sensible age range. */
    public static String ordinary() {
        return bornOn(LocalDate.of(1990, 1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28)));
    }

    public static String withWrongCheckCharacter() {
        String valid = ordinary();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
