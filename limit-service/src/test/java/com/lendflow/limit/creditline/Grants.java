package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.GrantCreditLine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Object Mother for the saga's GrantCreditLine commands. */
final class Grants {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Grants() {
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** An ordinary approval: 20,000 yuan at 7.3% for a grade-A customer, granted today. */
    static GrantCreditLine approved(UUID customerId) {
        return approved(customerId, "20000.00", "0.073", "A");
    }

    static GrantCreditLine approved(UUID customerId, String limit, String rate, String grade) {
        return new GrantCreditLine(UUID.randomUUID(), customerId, limit, rate, grade, today());
    }
}
