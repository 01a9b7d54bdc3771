package com.lendflow.funding.partner;

import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.util.List;

/** A funding partner as staff read and change it; also the before/after of its audit records. */
public record PartnerView(String partnerId, String name, boolean active, int priority, String fundingRate,
                          Eligibility eligibility, String dailyPlan, long version, Instant updatedAt,
                          String updatedBy) {

    /** The loans the partner funds: these grades, amounts from min to max inclusive, these terms. */
    public record Eligibility(List<String> grades, String minAmount, String maxAmount, List<Integer> termMonths) {
    }

    public static PartnerView of(FundingPartner partner) {
        return new PartnerView(partner.id(), partner.name(), partner.active(), partner.priority(),
                partner.fundingRate().setScale(6).toPlainString(),
                new Eligibility(partner.grades(), Amounts.text(partner.minAmount()), Amounts.text(partner.maxAmount()),
                        partner.termMonths()),
                Amounts.text(partner.dailyPlan()), partner.version(), partner.updatedAt(), partner.updatedBy());
    }
}
