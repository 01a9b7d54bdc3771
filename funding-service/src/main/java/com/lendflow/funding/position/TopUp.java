package com.lendflow.funding.position;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Add to a partner's plan for a business day, during the day. */
record TopUp(String partnerId, LocalDate businessDate, BigDecimal amount, String reason) {
}
