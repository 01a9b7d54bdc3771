package com.lendflow.funding.position;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Give a partner's business day a plan of its own. */
record ChangePlan(String partnerId, LocalDate businessDate, BigDecimal amount, String reason) {
}
