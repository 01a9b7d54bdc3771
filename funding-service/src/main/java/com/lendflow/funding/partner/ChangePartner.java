package com.lendflow.funding.partner;

import java.math.BigDecimal;
import java.util.List;

/**
 * Add a funding partner ({@code expectedVersion} null) or replace one that is still at
 * {@code expectedVersion}.
 */
record ChangePartner(String partnerId, String name, boolean active, int priority, BigDecimal fundingRate,
                     List<String> grades, BigDecimal minAmount, BigDecimal maxAmount, List<Integer> termMonths,
                     BigDecimal dailyPlan, Long expectedVersion, String reason) {
}
