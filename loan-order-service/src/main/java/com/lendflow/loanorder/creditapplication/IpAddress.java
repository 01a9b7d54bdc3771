package com.lendflow.loanorder.creditapplication;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A literal IPv4 address in dotted-quad form without leading zeros, or a literal IPv6 address without a zone. */
@Documented
@Constraint(validatedBy = IpAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IpAddress {

    String message() default "must be an IPv4 or IPv6 address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IpAddress, String> {

        private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
        private static final Pattern IPV4 = Pattern.compile("^" + OCTET + "(\\." + OCTET + "){3}$");
        private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValid(value);
        }

        static boolean isValid(String value) {
            if (IPV4.matcher(value).matches()) {
                return true;
            }
            if (!value.contains(":") || !IPV6_CHARACTERS.matcher(value).matches()) {
                return false;
            }
            try {
                // With a colon in it the JDK parses the text as an IPv6 literal; it never asks DNS.
                InetAddress.getByName(value);
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
