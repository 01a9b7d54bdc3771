package com.lendflow.marketing.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as ops staff write it. Amounts and rates are decimal strings ({@code "100.00"},
 * {@code "0.09125"}); validity is either {@code validDays} from each coupon's issue or a fixed
 * {@code validFrom}..{@code validUntil} window (both days included). {@code ruleGrades} lists the
 * credit grades that get a coupon when their line is granted; empty means issued by ops only.
 * {@code reason} is put on the audit record (required to change a campaign).
 */
record CampaignRequest(String name, CouponKind kind, String discountedRate, Integer interestFreeDays,
                       String minimumAmount, List<Integer> allowedTerms, LocalDate validFrom, LocalDate validUntil,
                       Integer validDays, List<String> ruleGrades, String reason) {
}
