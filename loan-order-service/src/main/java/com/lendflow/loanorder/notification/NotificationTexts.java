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
            "INSUFFICIENT_FUNDS", "银行卡余额不足",
            "CARD_FROZEN", "银行卡已冻结",
            "CARD_LIMIT", "银行卡已达支付限额",
            "CHANNEL_REFUSED", "银行拒绝了本次扣款",
            "NO_CARD", "您的账户未绑定银行卡",
            "RETURNED", "银行已退回此前的扣款");

    private NotificationTexts() {
    }

    static String repaymentApplied(RepaymentApplied applied) {
        return "【Lendflow】您于" + DATE.format(applied.appliedOn()) + "的还款" + money(applied.amount())
                + "元已入账，感谢您按时还款。";
    }

    static String loanSettled(LoanSettled settled) {
        return "【Lendflow】您的借款" + money(settled.principal()) + "元已于" + DATE.format(settled.settledOn())
                + "全部还清，结清证明可在App中查看。";
    }

    static String withholdingFailed(WithholdingFailed failed) {
        String reason = WITHHOLDING_REASONS.getOrDefault(String.valueOf(failed.code()), "扣款未成功");
        String next = failed.willRetry() && failed.nextAttemptOn() != null
                ? "我们将于" + DATE.format(failed.nextAttemptOn()) + "再次扣款，请确保卡内余额充足。"
                : "请尽快在App中还款，以免产生逾期费用。";
        return "【Lendflow】您的还款" + money(failed.amount()) + "元扣款未成功：" + reason + "。" + next;
    }

    private static String money(String amount) {
        return amount == null ? "-" : Amounts.text(new BigDecimal(amount));
    }
}
