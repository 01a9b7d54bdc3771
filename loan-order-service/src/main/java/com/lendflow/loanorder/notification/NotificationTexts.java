package com.lendflow.loanorder.notification;

import com.lendflow.contracts.ledger.LoanSettled;
import com.lendflow.contracts.ledger.RepaymentApplied;
import com.lendflow.contracts.payment.WithholdingFailed;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The wording of each SMS, like the drawdown's: amounts and dates only, never a card number or an
 * internal reason. A withholding failure is told in the customer's terms from its code; the
 * channel's own reason text may name the bank's internals and is not passed on.
 */
final class NotificationTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Map<String, String> WITHHOLDING_REASONS = Map.of(
            "INSUFFICIENT_FUNDS", "your card's balance was not enough",
            "CARD_FROZEN", "your card is frozen",
            "CARD_LIMIT", "your card's payment limit was reached",
            "CHANNEL_REFUSED", "your bank declined the payment",
            "NO_CARD", "no bank card is bound to your account",
            "RETURNED", "your bank returned the payment it had made");

    private NotificationTexts() {
    }

    static String repaymentApplied(RepaymentApplied applied) {
        return "【Lendflow】We received your repayment of CNY " + money(applied.amount()) + " on "
                + DATE.format(applied.appliedOn()) + ". Thank you.";
    }

    static String loanSettled(LoanSettled settled) {
        return "【Lendflow】Your loan of CNY " + money(settled.principal()) + " is fully repaid and settled as of "
                + DATE.format(settled.settledOn()) + ". Your settlement certificate is available in the app.";
    }

    static String withholdingFailed(WithholdingFailed failed) {
        String reason = WITHHOLDING_REASONS.getOrDefault(String.valueOf(failed.code()), "the payment did not go through");
        String next = failed.willRetry() && failed.nextAttemptOn() != null
                ? " We will try again on " + DATE.format(failed.nextAttemptOn()) + "; please make sure the funds are there."
                : " Please repay in the app to avoid overdue charges.";
        return "【Lendflow】We couldn't collect your repayment of CNY " + money(failed.amount()) + ": " + reason + "."
                + next;
    }

    private static String money(String amount) {
        return amount == null ? "-" : Amounts.text(new BigDecimal(amount));
    }
}
