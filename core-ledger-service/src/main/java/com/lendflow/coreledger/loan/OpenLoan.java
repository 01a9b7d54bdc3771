package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Open the loan account of a disbursement that has been paid out. {@code disbursementId} is the
 * idempotency key of the opening: one disbursement opens at most one loan. {@code startDate} is the
 * business date of the disbursement; the schedule runs from it and the books post on it.
 * {@code interestFreeDays} (an interest-free-days coupon) take that many days' interest off the
 * first installment, by the schedule engine's rule, so the loan is what the quote and the contract said.
 */
public record OpenLoan(String disbursementId, UUID customerId, String productCode, BigDecimal principal,
                       BigDecimal annualRate, int termMonths, RepaymentMethod method, LocalDate startDate,
                       String fundingPartner, int interestFreeDays) {

    /** A loan without interest-free days. */
    public OpenLoan(String disbursementId, UUID customerId, String productCode, BigDecimal principal,
                    BigDecimal annualRate, int termMonths, RepaymentMethod method, LocalDate startDate,
                    String fundingPartner) {
        this(disbursementId, customerId, productCode, principal, annualRate, termMonths, method, startDate,
                fundingPartner, 0);
    }
}
