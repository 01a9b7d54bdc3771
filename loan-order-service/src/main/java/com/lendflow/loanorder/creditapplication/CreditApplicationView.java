package com.lendflow.loanorder.creditapplication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as its customer sees it: where it stands and, once final, the outcome. A
 * refusal carries a customer reason code and a message that say nothing about how it was
 * decided; the internal reason stays with staff. A manual fraud review shows as UNDER_REVIEW.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditApplicationView(UUID id, String state, Instant submittedAt, Instant updatedAt, Outcome outcome) {

    static CreditApplicationView of(CreditApplication application) {
        String state = application.state() == ApplicationState.FRAUD_REVIEW ? "UNDER_REVIEW" : application.state().name();
        return new CreditApplicationView(application.id(), state, application.submittedAt(), application.updatedAt(),
                Outcome.of(application));
    }

    /**
     * @param creditLimit CNY, two decimals, as text
     * @param annualRate  a decimal, {@code 0.073} for 7.3%
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String result, String creditLimit, String annualRate, String riskGrade, LocalDate expiresOn,
                          String reasonCode, String message) {

        static Outcome of(CreditApplication application) {
            return switch (application.state()) {
                case APPROVED -> new Outcome("APPROVED", Amounts.text(application.creditLimit()),
                        Rates.text(application.annualRate()), application.riskGrade(), application.expiresOn(), null, null);
                case REJECTED -> refusal("REJECTED", CustomerReason.NOT_ELIGIBLE);
                case FAILED -> refusal("FAILED", application.step() == Step.SIGN_AUTHORISATION
                        && !"STEP_TIMEOUT".equals(application.reasonCode())
                        ? CustomerReason.AUTHORISATION_NOT_SIGNED : CustomerReason.NOT_COMPLETED);
                default -> null;
            };
        }

        private static Outcome refusal(String result, CustomerReason reason) {
            return new Outcome(result, null, null, null, null, reason.name(), reason.message());
        }
    }

    /** What a customer is told, whatever the internal reason: nothing about rules, scores or reviewers. */
    enum CustomerReason {
        NOT_ELIGIBLE("We can't offer you a credit line at the moment."),
        AUTHORISATION_NOT_SIGNED("We couldn't sign your credit report authorisation. Please try again later."),
        NOT_COMPLETED("We couldn't complete your application just now. Please try again later.");

        private final String message;

        CustomerReason(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }
}
