package com.lendflow.limit.creditline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.contracts.limit.GrantCreditLine;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantTermsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Period A_YEAR = Period.ofMonths(12);

    @Test
    void anApprovalIsHeldInFenAndSixRateDecimalsAndLastsTwelveMonths() {
        GrantTerms terms = GrantTerms.of(command("20000", "0.073", "A", TODAY), A_YEAR, TODAY);

        assertThat(terms.creditLimit()).hasToString("20000.00");
        assertThat(terms.annualRate()).hasToString("0.073000");
        assertThat(terms.expiresOn()).isEqualTo(LocalDate.of(2027, 3, 15));
    }

    @Test
    void theLegalCapItselfIsAllowed() {
        assertThat(GrantTerms.of(command("5000.00", "0.24", "E", TODAY), A_YEAR, TODAY).annualRate()).hasToString("0.240000");
    }

    @Test
    void aGrantAtTheEndOfFebruaryLapsesAtTheEndOfNextFebruary() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertThat(GrantTerms.of(command("100.00", "0.1", "C", leapDay), A_YEAR, leapDay).expiresOn())
                .isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void faultyTermsAreRefusedByCode() {
        assertRefused(command("100.001", "0.1", "A", TODAY), GrantRefusal.INVALID_LIMIT);
        assertRefused(command("0.00", "0.1", "A", TODAY), GrantRefusal.INVALID_LIMIT);
        assertRefused(command(null, "0.1", "A", TODAY), GrantRefusal.INVALID_LIMIT);
        assertRefused(command("1e30", "0.1", "A", TODAY), GrantRefusal.INVALID_LIMIT);
        assertRefused(command("100.00", "0.2400001", "A", TODAY), GrantRefusal.INVALID_RATE);
        assertRefused(command("100.00", "0.0730001", "A", TODAY), GrantRefusal.INVALID_RATE);
        assertRefused(command("100.00", "-0.1", "A", TODAY), GrantRefusal.INVALID_RATE);
        assertRefused(command("100.00", "7.3%", "A", TODAY), GrantRefusal.INVALID_RATE);
        assertRefused(command("100.00", "0.1", "a", TODAY), GrantRefusal.INVALID_GRADE);
        assertRefused(command("100.00", "0.1", null, TODAY), GrantRefusal.INVALID_GRADE);
        assertRefused(command("100.00", "0.1", "A", null), GrantRefusal.INVALID_GRANTED_ON);
        assertRefused(command("100.00", "0.1", "A", TODAY.minusMonths(12).minusDays(1)), GrantRefusal.GRANT_ALREADY_EXPIRED);
        assertRefused(new GrantCreditLine(UUID.randomUUID(), null, "100.00", "0.1", "A", TODAY), GrantRefusal.MISSING_CUSTOMER);
    }

    @Test
    void aReasonQuotesAtMostAShortPieceOfWhatWasSent() {
        String huge = "9".repeat(5000) + ".001";
        assertThatThrownBy(() -> GrantTerms.of(command(huge, "0.1", "A", TODAY), A_YEAR, TODAY))
                .isInstanceOfSatisfying(GrantRefused.class, refused -> assertThat(refused.reason()).hasSizeLessThan(120));
    }

    private static void assertRefused(GrantCreditLine command, GrantRefusal code) {
        assertThatThrownBy(() -> GrantTerms.of(command, A_YEAR, TODAY)).as("%s", command)
                .isInstanceOfSatisfying(GrantRefused.class, refused -> assertThat(refused.code()).isEqualTo(code));
    }

    private static GrantCreditLine command(String limit, String rate, String grade, LocalDate grantedOn) {
        return new GrantCreditLine(UUID.randomUUID(), UUID.randomUUID(), limit, rate, grade, grantedOn);
    }
}
