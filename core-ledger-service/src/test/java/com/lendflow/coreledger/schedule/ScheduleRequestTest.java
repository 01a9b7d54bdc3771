package com.lendflow.coreledger.schedule;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleRequestTest {

    private static final LocalDate START = LocalDate.parse("2026-01-15");

    @Test
    void refusesWhatCannotBeScheduled() {
        assertThatIllegalArgumentException().isThrownBy(() -> request("0.00", "0.1", 3, null));
        assertThatIllegalArgumentException().isThrownBy(() -> request("-1.00", "0.1", 3, null));
        assertThatIllegalArgumentException().isThrownBy(() -> request("100.001", "0.1", 3, null));
        assertThatIllegalArgumentException().isThrownBy(() -> request("100.00", "-0.01", 3, null));
        assertThatIllegalArgumentException().isThrownBy(() -> request("100.00", "0.1", 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> request("100.00", "0.1", 3, START));
        assertThatIllegalArgumentException().isThrownBy(() -> request("100.00", "0.1", 3, START.plusMonths(2).plusDays(1)));
    }

    private static ScheduleRequest request(String principal, String rate, int term, LocalDate firstDueDate) {
        return new ScheduleRequest(new BigDecimal(principal), new BigDecimal(rate), term, RepaymentMethod.EQUAL_INSTALLMENT,
                START, firstDueDate);
    }
}
