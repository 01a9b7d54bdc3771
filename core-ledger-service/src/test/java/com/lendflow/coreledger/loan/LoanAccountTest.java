package com.lendflow.coreledger.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The loan account's state machine, without a database. */
class LoanAccountTest {

    @Test
    void aNewLoanIsActiveAndOwesItsWholePrincipal() {
        LoanAccount loan = LoanAccount.open(UUID.randomUUID(), Loans.hundredYuan(), Instant.now());

        assertThat(loan.status()).isEqualTo(LoanStatus.ACTIVE);
        assertThat(loan.outstandingPrincipal()).isEqualByComparingTo("100.00");
        assertThat(loan.annualRate()).isEqualByComparingTo("0.09125");
    }

    @Test
    void aLoanStillOwingPrincipalCannotSettle() {
        LoanAccount loan = LoanAccount.open(UUID.randomUUID(), Loans.hundredYuan(), Instant.now());

        assertThatThrownBy(loan::settle).isInstanceOf(IllegalStateException.class).hasMessageContaining("still owes 100.00");
        assertThat(loan.status()).isEqualTo(LoanStatus.ACTIVE);
    }

    @Test
    void aWrittenOffLoanStaysWrittenOff() {
        LoanAccount loan = LoanAccount.open(UUID.randomUUID(), Loans.hundredYuan(), Instant.now());
        loan.writeOff();

        assertThat(loan.status()).isEqualTo(LoanStatus.WRITTEN_OFF);
        assertThatThrownBy(loan::writeOff).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is WRITTEN_OFF and cannot become WRITTEN_OFF");
    }

    @Test
    void theSameDisbursementOnOtherTermsIsNotTheSameOpening() {
        OpenLoan opening = Loans.hundredYuan();
        LoanAccount loan = LoanAccount.open(UUID.randomUUID(), opening, Instant.now());

        assertThat(loan.isOpenedBy(Loans.withPrincipal(opening, "100"))).isTrue();
        assertThat(loan.isOpenedBy(Loans.withTerm(opening, 6))).isFalse();
    }
}
