package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.CommandHandler;
import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MalformedMessageException;
import org.springframework.stereotype.Component;

/** {@code AssessFraudRisk} from the credit-line saga: the assessment and its reply commit with the message id. */
@Component
class AssessFraudRiskOnCommand implements CommandHandler<AssessFraudRisk> {

    private final AssessFraudRiskHandler handler;

    AssessFraudRiskOnCommand(AssessFraudRiskHandler handler) {
        this.handler = handler;
    }

    @Override
    public MessageType<AssessFraudRisk> type() {
        return AssessFraudRisk.TYPE;
    }

    @Override
    public void handle(Envelope envelope, AssessFraudRisk command) {
        if (command.applicationId() == null || command.customerId() == null) {
            // Retrying cannot add what is missing: straight to the dead-letter topic.
            throw new MalformedMessageException("AssessFraudRisk " + envelope.id() + " lacks an application or customer id");
        }
        handler.handle(command);
    }
}
