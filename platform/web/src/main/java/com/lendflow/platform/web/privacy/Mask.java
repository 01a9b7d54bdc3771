package com.lendflow.platform.web.privacy;

/**
 * How personal data is shown when it must be shown at all: enough for a person to recognise
 * their own record, never enough to use it.
 */
public final class Mask {

    private Mask() {
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /** {@code 110101199003071234} → {@code 110***********1234}. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    /** {@code 张三丰} → {@code *三丰}; {@code 张三} → {@code *三}; a one-character name becomes {@code *}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return "*" + name.substring(first);
    }

    /** {@code 6222021234567891234} → {@code 6222 **** **** 1234}. */
    public static String cardNumber(String cardNumber) {
        if (cardNumber == null || cardNumber.length() < 8) {
            return "****";
        }
        return cardNumber.substring(0, 4) + " **** **** " + cardNumber.substring(cardNumber.length() - 4);
    }
}
