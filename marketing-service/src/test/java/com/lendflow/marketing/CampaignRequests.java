package com.lendflow.marketing;

/** Object Mother for campaigns as ops staff write them (JSON bodies of /ops/v1/marketing/campaigns). */
public final class CampaignRequests {

    private CampaignRequests() {
    }

    /** Like the launch campaign, without a rule: 9.125% on 100 yuan or more over 3, 6 or 12 months, 30 days. */
    public static String rateDiscount() {
        return rateDiscount("0.09125", "100.00", "[3, 6, 12]", "[]");
    }

    public static String rateDiscount(String rate, String minimum, String terms, String grades) {
        return """
                {"name": "Spring rate cut", "kind": "RATE_DISCOUNT", "discountedRate": "%s", "minimumAmount": "%s",
                 "allowedTerms": %s, "validDays": 30, "ruleGrades": %s, "reason": "spring promotion"}
                """.formatted(rate, minimum, terms, grades);
    }

    /** The first 7 days free of interest on any drawdown of 500 yuan or more over 6 or 12 months. */
    public static String interestFreeWeek(String grades) {
        return """
                {"name": "A week on us", "kind": "INTEREST_FREE_DAYS", "interestFreeDays": 7, "minimumAmount": "500.00",
                 "allowedTerms": [6, 12], "validDays": 14, "ruleGrades": %s, "reason": "retention"}
                """.formatted(grades);
    }
}
