package com.lendflow.antifraud.identity;

import java.util.Arrays;

/** IP addresses as people may see them in an assessment's inputs. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** {@code 203.0.113.7} → {@code 203.0.113.*}; an IPv6 address keeps its first four groups. */
    public static String mask(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String value = ip.strip();
        if (value.contains(":")) {
            String[] groups = value.split(":");
            return String.join(":", Arrays.copyOf(groups, Math.min(4, groups.length))) + ":*";
        }
        int lastDot = value.lastIndexOf('.');
        return lastDot > 0 ? value.substring(0, lastDot) + ".*" : "*";
    }
}
