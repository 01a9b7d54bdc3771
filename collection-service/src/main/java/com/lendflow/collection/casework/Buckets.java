package com.lendflow.collection.casework;

import java.util.List;

/** Delinquency buckets as core-ledger names them, in order of severity. */
public final class Buckets {

    public static final List<String> ORDER = List.of("M0", "M1", "M2", "M3", "M3+");

    private Buckets() {
    }

    /** The bucket days past due put a loan in (M1 1–30, M2 31–60, M3 61–90, M3+ beyond), as core-ledger's. */
    public static String of(int daysPastDue) {
        if (daysPastDue <= 0) {
            return "M0";
        }
        if (daysPastDue <= 30) {
            return "M1";
        }
        if (daysPastDue <= 60) {
            return "M2";
        }
        return daysPastDue <= 90 ? "M3" : "M3+";
    }

    public static String worse(String a, String b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    public static boolean isBucket(String value) {
        return ORDER.contains(value);
    }
}
