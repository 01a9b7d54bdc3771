package com.lendflow.payment.repayment;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** What a loan owes now, as core-ledger-service (which owns the books) says. */
interface LoanAmounts {

    /**
     * The loan's amounts due, or empty if core-ledger has no such loan.
     *
     * @throws LedgerUnavailable if core-ledger cannot say now
     */
    Optional<AmountsDue> of(UUID loanId);

    /**
     * {@code dueNow}: due or overdue today, penalty included; {@code currentInstallment}: the overdue
     * amount plus the current installment (payable early); {@code payoff}: the full payoff quote, null
     * while the product does not allow prepayment yet; {@code largestAmount}: the most the ledger will
     * apply of an amount the customer chooses (more is refused there, after the card was charged);
     * {@code fundingPartnerId}: the partner whose account the loan's repayments go to.
     */
    record AmountsDue(UUID loanId, UUID customerId, String status, BigDecimal dueNow, BigDecimal currentInstallment,
                      BigDecimal payoff, BigDecimal largestAmount, int daysPastDue, String fundingPartnerId) {

        boolean settled() {
            return "SETTLED".equals(status);
        }
    }

    class LedgerUnavailable extends RuntimeException {
        LedgerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
