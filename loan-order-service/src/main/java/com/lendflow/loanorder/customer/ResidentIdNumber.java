package com.lendflow.loanorder.customer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An 18-character PRC resident identity number (GB 11643-1999): six region digits, the birth
 * date as yyyyMMdd, three sequence digits and a check character (0-9 or X) over the first 17.
 */
@Documented
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdNumber {

    String message() default "must be an 18-character resident ID number with a valid birth date and check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ResidentIdNumber, String> {

        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final String CHECK_CHARACTERS = "10X98765432";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValid(value);
        }

        static boolean isValid(String value) {
            if (value.length() != 18 || value.charAt(0) == '0') {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                sum += (c - '0') * WEIGHTS[i];
            }
            if (CHECK_CHARACTERS.charAt(sum % 11) != value.charAt(17)) {
                return false;
            }
            try {
                LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                        Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
                return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
