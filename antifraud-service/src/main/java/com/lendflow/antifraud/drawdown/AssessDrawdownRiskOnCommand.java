package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.CommandHandler;
import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** {@code AssessDrawdownRisk} from the drawdown saga: the assessment and its reply commit with the message id. */
@Component
class AssessDrawdownRiskOnCommand implements CommandHandler<AssessDrawdownRisk> {

    private final AssessDrawdownRiskHandler handler;

    AssessDrawdownRiskOnCommand(AssessDrawdownRiskHandler handler) {
        this.handler = handler;
    }

    @Override
    public MessageType<AssessDrawdownRisk> type() {
        return AssessDrawdownRisk.TYPE;
    }

    @Override
    public void handle(Envelope envelope, AssessDrawdownRisk command) {
        // Retrying cannot repair a command the saga built wrong: straight to the dead-letter topic.
        if (command.drawdownId() == null || command.customerId() == null) {
            throw new MalformedMessageException("AssessDrawdownRisk " + envelope.id() + " lacks a drawdown or customer id");
        }
        handler.handle(command, amount(envelope, command));
    }

    /** The amount is kept for staff, not judged here; it must still be an amount, or nothing is stored. */
    private static BigDecimal amount(Envelope envelope, AssessDrawdownRisk command) {
        if (command.amount() == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(command.amount().strip());
            if (amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2) {
                return amount.setScale(2);
            }
        } catch (NumberFormatException e) {
            // Falls through to the refusal below.
        }
        throw new MalformedMessageException("AssessDrawdownRisk " + envelope.id() + " for drawdown " + command.drawdownId()
                + " carries an amount that is not a positive CNY amount in whole fen");
    }
}
