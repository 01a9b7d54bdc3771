package com.lendflow.funding.routing;

import java.time.LocalDate;

/** The partner that would fund the loan, with what it charges and what it has left that day (before this loan). */
record RouteView(String partnerId, String partnerName, String fundingRate, LocalDate businessDate,
                 String remainingPlan) {
}
