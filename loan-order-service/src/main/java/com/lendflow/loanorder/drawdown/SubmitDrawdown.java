package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.loanorder.creditapplication.ApprovedApplications.Approved;
import java.math.BigDecimal;
import java.util.UUID;

/** Borrow {@code amount} to a bound card; checked and ready to store. {@link #toString()} prints no identity. */
record SubmitDrawdown(UUID customerId, String idempotencyKey, BigDecimal amount, int termMonths, RepaymentMethod method,
                      UUID cardId, String cardLast4, UUID couponId, ApplicantDevice device, Approved approved) {

    @Override
    public String toString() {
        return "SubmitDrawdown[customerId=" + customerId + ", amount=" + amount + ", termMonths=" + termMonths + "]";
    }
}
