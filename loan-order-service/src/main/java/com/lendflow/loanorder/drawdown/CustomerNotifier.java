package com.lendflow.loanorder.drawdown;

import com.lendflow.loanorder.drawdown.DrawdownTimelineEntry.Kind;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.privacy.Mask;
import com.lendflow.loanorder.sms.SmsGateway;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the customer by SMS that the drawdown was paid out or failed, through the SMS gateway
 * (the partner simulator locally). Runs after the commit, outside any transaction; a failure is
 * logged and noted in the timeline, never fatal. The text names the amount and the card's last
 * four digits, never the whole card; the log never names the mobile whole.
 */
@Component
class CustomerNotifier {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotifier.class);

    private final Drawdowns drawdowns;
    private final DrawdownTimelines timelines;
    private final TransactionTemplate transactions;
    private final SmsGateway sms;
    private final Clock clock;

    CustomerNotifier(Drawdowns drawdowns, DrawdownTimelines timelines, PlatformTransactionManager transactionManager,
                     SmsGateway sms, Clock clock) {
        this.drawdowns = drawdowns;
        this.timelines = timelines;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sms = sms;
        this.clock = clock;
    }

    void notify(UUID drawdownId) {
        Message message = transactions.execute(status -> drawdowns.findById(drawdownId)
                .filter(d -> d.state().isFinal())
                .map(d -> new Message(d.mobile(), text(d), d.state()))
                .orElse(null));
        if (message == null) {
            return;
        }
        String note;
        try {
            sms.send(message.mobile(), message.text());
            note = "SMS sent to " + Mask.mobile(message.mobile()) + " (" + message.state() + ")";
            log.info("drawdown {}: customer told by SMS at {} that it is {}", drawdownId, Mask.mobile(message.mobile()),
                    message.state());
        } catch (SmsGateway.SmsNotSent e) {
            note = "the SMS to " + Mask.mobile(message.mobile()) + " could not be sent: " + e.getMessage();
            log.warn("drawdown {}: the customer's SMS could not be sent: {}", drawdownId, e.getMessage());
        }
        String recorded = note;
        transactions.executeWithoutResult(status -> drawdowns.findById(drawdownId).ifPresent(d ->
                timelines.append(drawdownId, List.of(new DrawdownTimelineEntry(clock.instant(), Kind.CUSTOMER_NOTIFIED,
                        d.state(), d.step(), null, null, null, recorded, Map.of())))));
    }

    private static String text(Drawdown d) {
        String card = d.cardLast4() == null ? "您的银行卡" : "尾号" + d.cardLast4() + "的银行卡";
        return switch (d.state()) {
            case DISBURSED -> "【Lendflow】您的借款" + Amounts.text(d.amount()) + "元已放款至" + card + "，首期还款"
                    + Amounts.text(d.firstInstallment()) + "元，还款日" + d.firstDueDate() + "。";
            default -> "【Lendflow】您的借款" + Amounts.text(d.amount()) + "元未能放款至" + card
                    + "，未扣取任何款项，您的额度不变。";
        };
    }

    private record Message(String mobile, String text, DrawdownState state) {

        @Override
        public String toString() {
            return "Message[state=" + state + "]";
        }
    }
}
