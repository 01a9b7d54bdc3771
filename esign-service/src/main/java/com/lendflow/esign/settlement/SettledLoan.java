package com.lendflow.esign.settlement;

import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/** What a settlement certificate prints about the loan, checked from LoanSettled: whole fen, none negative. */
record SettledLoan(UUID loanId, UUID customerId, LocalDate settledOn, BigDecimal principal, BigDecimal interestPaid,
                   BigDecimal penaltyPaid, BigDecimal feesPaid) {

    /** @throws MalformedMessageException when core-ledger's event cannot be printed; retrying would not help */
    static SettledLoan of(LoanSettled settled) {
        if (settled.loanId() == null || settled.customerId() == null || settled.settledOn() == null) {
            throw new MalformedMessageException("LoanSettled lacks loanId, customerId or settledOn");
        }
        return new SettledLoan(settled.loanId(), settled.customerId(), settled.settledOn(),
                money(settled.principal(), "principal"), money(settled.totalInterestPaid(), "totalInterestPaid"),
                money(settled.totalPenaltyPaid(), "totalPenaltyPaid"), money(settled.totalFeesPaid(), "totalFeesPaid"));
    }

    BigDecimal totalPaid() {
        return principal.add(interestPaid).add(penaltyPaid).add(feesPaid);
    }

    private static BigDecimal money(String value, String field) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new MalformedMessageException("LoanSettled " + field + " must be zero or more in whole fen");
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("LoanSettled " + field + " is not a decimal number");
        }
    }
}
