package com.lendflow.payment.repayment;

/**
 * A customer's repayment: {@code mode} CURRENT_INSTALLMENT, AMOUNT (with {@code amount}, two
 * decimals) or PAYOFF; {@code cardId} optional, the customer's withholding card when absent.
 */
record RepaymentRequest(String mode, String amount, String cardId) {
}
