package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.BureauAuthorisation;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command each step sends, built from the application alone, so a resent command says exactly
 * what the first one said (dates included): the receiving services deduplicate per application.
 */
@Component
class StepCommands {

    private final Outbox outbox;
    private final JsonMapper json;
    private final CreditApplicationSettings settings;

    StepCommands(Outbox outbox, JsonMapper json, CreditApplicationSettings settings) {
        this.outbox = outbox;
        this.json = json;
        this.settings = settings;
    }

    /** Records the current step's command in the outbox; returns its message id and contract name. */
    Sent send(CreditApplication application) {
        UUID id = application.id();
        String key = id.toString();
        return switch (application.step()) {
            case SIGN_AUTHORISATION -> new Sent(SignAuthorisation.TYPE.name(), outbox.publish(Topics.ESIGN_COMMANDS, key,
                    SignAuthorisation.TYPE, new SignAuthorisation(id, application.customerId(), application.fullName(),
                            application.idNumber(), dateOf(application.submittedAt()))));
            case ASSESS_FRAUD_RISK, FRAUD_REVIEW -> new Sent(AssessFraudRisk.TYPE.name(), outbox.publish(
                    Topics.ANTIFRAUD_COMMANDS, key, AssessFraudRisk.TYPE, new AssessFraudRisk(id, application.customerId(),
                            application.fullName(), application.idNumber(), application.mobile(), device(application),
                            application.submittedAt())));
            case ASSESS_CREDIT_RISK -> new Sent(AssessCreditRisk.TYPE.name(), outbox.publish(Topics.CREDIT_DECISION_COMMANDS,
                    key, AssessCreditRisk.TYPE, new AssessCreditRisk(id, application.customerId(), application.fullName(),
                            application.idNumber(), application.mobile(), new BureauAuthorisation(
                                    application.authorisationDocumentId(), application.authorisationSha256(),
                                    application.authorisationSignedAt()), application.fraudResult(),
                            application.fraudScore() == null ? 0 : application.fraudScore(), application.submittedAt())));
            case GRANT_CREDIT_LINE -> new Sent(GrantCreditLine.TYPE.name(), outbox.publish(Topics.LIMIT_COMMANDS, key,
                    GrantCreditLine.TYPE, new GrantCreditLine(id, application.customerId(),
                            Amounts.text(application.creditLimit()), Rates.text(application.annualRate()),
                            application.riskGrade(), dateOf(application.stepStartedAt()))));
        };
    }

    private ApplicantDevice device(CreditApplication application) {
        return json.readValue(application.deviceJson(), ApplicantDevice.class);
    }

    private LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, settings.zone());
    }

    record Sent(String type, UUID messageId) {
    }
}
