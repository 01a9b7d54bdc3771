package com.lendflow.coreledger.servicing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a loan asks of its borrower as of the business date {@code asOf}, for payment-service
 * (customer repayments, auto-withholding). Two-decimal strings:
 * <ul>
 *   <li>{@code dueNow}: what has fallen due and is unpaid — penalty, and every DUE or OVERDUE
 *       installment — not the installment that is not due yet;</li>
 *   <li>{@code currentInstallment}: what an ordinary repayment can pay now — the overdue amounts
 *       and the current installment, which may be paid ahead of its due date;</li>
 *   <li>{@code payoff}: the full-payoff prepayment quote's total today (null when the product does
 *       not allow prepayment yet);</li>
 *   <li>{@code largestAmount}: the most a repayment of an amount the customer chooses may be, so that
 *       nothing is collected that the ledger would refuse: {@code currentInstallment}, or, when the
 *       product holds overpayments as credit, what the schedule still asks less the credit already held.
 *       Paying more than that means paying the loan off, which is {@code payoff}.</li>
 * </ul>
 * A SETTLED loan asks nothing. A WRITTEN_OFF loan still owes what was written off less what has
 * been recovered since, and all three amounts are that. {@code fundingPartnerId}: the partner
 * who funded the loan, whose account its repayments go to (payment-service sends it to the channel).
 */
record AmountsDueView(UUID loanId, UUID customerId, UUID drawdownId, String status, LocalDate asOf, String dueNow,
                      String currentInstallment, String payoff, String largestAmount, int daysPastDue, String fundingPartnerId) {
}
